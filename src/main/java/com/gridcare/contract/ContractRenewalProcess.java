package com.gridcare.contract;

import com.gridcare.kernel.EngineClock;
import com.gridcare.kernel.process.CaseVariables;
import com.gridcare.kernel.process.ContractRenewalVariables;
import com.gridcare.clock.Calendars;
import com.gridcare.security.ExpressionBean;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What {@code contract-renewal}'s timers and gateways read about the contract (bean
 * {@code contractRenewal}), from the contract table rather than from process variables.
 * "N days before expiry" is computed with the working calendar: the start of the last working day
 * on or before the contract's end minus N days, so a conversation never falls on a holiday and is
 * never later than N days ahead (a make-up working Sunday counts as a working day).
 */
@ExpressionBean
@Component("contractRenewal")
public class ContractRenewalProcess {

    static final String CONTRACT_ID = ContractRenewalVariables.CONTRACT_ID;
    static final String CUSTOMER_ID = CaseVariables.CUSTOMER_ID;
    static final String OWNING_GROUP = ContractRenewalVariables.OWNING_GROUP;
    /** set by the conversation form: RENEWED, CHANGED, LOST or OPEN (still talking) */
    static final String OUTCOME = "renewalOutcome";
    static final String OPEN = "OPEN";

    private final Contracts contracts;
    private final Calendars calendars;
    private final Clock clock;

    ContractRenewalProcess(Contracts contracts, Calendars calendars, Clock clock) {
        this.contracts = contracts;
        this.calendars = calendars;
        this.clock = clock;
    }

    /** When the conversation {@code daysBefore} days before the end is due. */
    public Date conversationAt(DelegateExecution execution, int daysBefore) {
        return Date.from(conversationInstant(contract(execution).endsOn(), daysBefore));
    }

    /** Whether that moment has passed (a contract recorded late skips the 90-day conversation). */
    public boolean passed(DelegateExecution execution, int daysBefore) {
        return !conversationInstant(contract(execution).endsOn(), daysBefore).isAfter(clock.instant());
    }

    /** The first instant after the contract's last day. */
    public Date expiry(DelegateExecution execution) {
        return Date.from(Contracts.endOf(contract(execution)).toInstant());
    }

    /** Whether the conversation decided (any outcome but OPEN). */
    public boolean decided(DelegateExecution execution) {
        var outcome = execution.getVariable(OUTCOME);
        return outcome != null && !OPEN.equals(outcome);
    }

    Instant conversationInstant(LocalDate endsOn, int daysBefore) {
        var calendar = calendars.get(Calendars.CHINA_WORKDAYS);
        var day = endsOn.minusDays(daysBefore);
        while (!calendar.isWorkingDay(day)) day = day.minusDays(1);
        return calendar.nextWorkingInstant(day.atStartOfDay(EngineClock.ZONE).toInstant());
    }

    private Contract contract(DelegateExecution execution) {
        return contracts.get((String) execution.getVariable(CONTRACT_ID));
    }

    /** "Record renewal outcome": the conversation's decision into the contract tables, in the completion's transaction. */
    @Component("applyRenewalOutcome")
    static class ApplyOutcome implements org.camunda.bpm.engine.delegate.JavaDelegate {

        private final Contracts contracts;

        ApplyOutcome(Contracts contracts) {
            this.contracts = contracts;
        }

        @Override
        public void execute(DelegateExecution execution) {
            var outcome = RenewalOutcome.valueOf((String) execution.getVariable(OUTCOME));
            var term = execution.getVariable("newTermYears");
            var capacity = execution.getVariable("newCapacityKva");
            var price = (String) execution.getVariable("newPriceBasis");
            var reason = (String) execution.getVariable("lostReason");
            var decision = new Contracts.Decision(outcome, term instanceof Number n ? n.intValue() : null,
                    capacity instanceof Number n && n.doubleValue() > 0 ? new BigDecimal(n.toString()) : null,
                    price == null || price.isBlank() ? null : PriceBasis.valueOf(price),
                    reason == null || reason.isBlank() ? null : LostReason.valueOf(reason),
                    (String) execution.getVariable("conversationNotes"));
            var user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            contracts.decideRenewal((String) execution.getVariable(CONTRACT_ID), decision,
                    user == null ? "system" : user.getUserId());
        }
    }

    /** "Contract ended": undecided, it is EXPIRED and {@code contractExpired} sends it to the supervisors. */
    @Component("expireContract")
    static class Expire implements org.camunda.bpm.engine.delegate.JavaDelegate {

        private final Contracts contracts;

        Expire(Contracts contracts) {
            this.contracts = contracts;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable(ContractRenewalVariables.CONTRACT_EXPIRED, contracts.expire((String) execution.getVariable(CONTRACT_ID)));
        }
    }
}
