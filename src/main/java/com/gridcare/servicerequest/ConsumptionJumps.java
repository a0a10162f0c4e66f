package com.gridcare.servicerequest;

import com.gridcare.kernel.EngineClock;
import com.gridcare.customer.ConsumptionStored;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.customer.MonthlyConsumption;
import com.gridcare.rules.runtime.DecisionService;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Comparator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Watches stored consumption for abnormal jumps ({@code rules/consumptionjump}) and opens the
 * proposed request, marked proactive, in the storing transaction: once per customer and month.
 * Only the latest month of an upload counts, and only while it is recent, so that loading years
 * of history does not open requests about old bills.
 */
@Component
class ConsumptionJumps {

    public static final String DECISION_KIND = "CONSUMPTION_JUMP";
    public static final String RULE_PACKAGE = "consumptionjump";
    /** How many months back a stored month still counts as news. */
    static final int RECENT_MONTHS = 2;

    private static final Logger log = LoggerFactory.getLogger(ConsumptionJumps.class);

    private final CustomerRepository customers;
    private final DecisionService decisions;
    private final ServiceRequestIntake intake;
    private final Clock clock;

    ConsumptionJumps(CustomerRepository customers, DecisionService decisions, ServiceRequestIntake intake, Clock clock) {
        this.customers = customers;
        this.decisions = decisions;
        this.intake = intake;
        this.clock = clock;
    }

    @EventListener
    void consumptionStored(ConsumptionStored stored) {
        var latest = stored.months().stream().max(Comparator.comparing(MonthlyConsumption::month)).orElse(null);
        if (latest == null) return;
        var month = YearMonth.parse(latest.month());
        if (month.isBefore(YearMonth.now(clock.withZone(EngineClock.ZONE)).minusMonths(RECENT_MONTHS))) return;
        var facts = new ConsumptionJumpFacts();
        facts.setCustomerId(stored.customerId());
        facts.setMonth(latest.month());
        facts.setKwh(latest.kwh().doubleValue());
        var lastYear = customers.monthKwh(stored.customerId(), month.minusYears(1));
        facts.setSameMonthLastYearKnown(lastYear.isPresent());
        facts.setKwhSameMonthLastYear(lastYear.map(k -> k.doubleValue()).orElse(0.0));
        var decision = decisions.decide(DECISION_KIND, RULE_PACKAGE, DecisionService.Subject.customer(stored.customerId()),
                facts, f -> f.getProposedType() == null ? "NONE" : f.getProposedType().name(),
                (f, rules) -> f.getProposedType() == null
                        ? "No jump in %s: %.0f kWh against %.0f kWh a year before".formatted(f.getMonth(), f.getKwh(),
                                f.getKwhSameMonthLastYear())
                        : "%s proposed by %s: %.0f kWh in %s against %.0f kWh a year before (+%.0f %%)".formatted(
                                f.getProposedType(), rules.describe(f.getProposedBy()), f.getKwh(), f.getMonth(),
                                f.getKwhSameMonthLastYear(), f.getIncreasePercent()));
        if (facts.getProposedType() != ServiceRequestType.METER_TEST) return;
        var customer = customers.find(stored.customerId()).orElseThrow();
        var receipt = intake.proposeMeterTest(customer, latest.month(), decision.explanation());
        if (receipt != null) {
            log.info("customer {}: consumption jump in {}, proactive meter test {}", customer.id(), latest.month(),
                    receipt.caseId());
        }
    }
}
