package com.gridcare.complaint;

import static com.gridcare.complaint.ComplaintFields.COMPENSATION_DECISION;
import static com.gridcare.complaint.ComplaintFields.COMPENSATION_REASON;

import com.gridcare.cases.CaseStep;
import com.gridcare.cases.CaseStepContext;
import com.gridcare.cases.ProcessSteps;
import com.gridcare.cases.StepKind;
import com.gridcare.security.ExpressionBean;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * Goodwill and compensation a complaint handler proposes with a resolution ({@code ${goodwill...}} in
 * the model), read from the case record: up to the approval limit GridCare grants it with the
 * resolution ({@link #decideWithinLimit}); above it a supervisor approves or refuses. Either way the
 * decision is a {@link StepKind#GOODWILL_DECISION} step. The limit is
 * {@code gridcare.complaint.goodwill-approval-limit} in CNY (default 500).
 */
@ExpressionBean
@Component("goodwill")
public class Goodwill {

    public static final String APPROVED = "APPROVED";
    public static final String REFUSED = "REFUSED";

    private final BigDecimal approvalLimit;
    private final ProcessSteps steps;

    Goodwill(ComplaintProperties properties, ProcessSteps steps) {
        this.approvalLimit = properties.goodwillApprovalLimit();
        this.steps = steps;
    }

    public BigDecimal approvalLimit() {
        return approvalLimit;
    }

    /** The amount in CNY the latest resolution proposed, zero when it proposed none. */
    public BigDecimal amount(VariableScope scope) {
        return amount(resolution(steps.of(scope)));
    }

    public boolean needsApproval(VariableScope scope) {
        return amount(scope).compareTo(approvalLimit) > 0;
    }

    /** Compensation goes to the customer: the latest resolution proposed some and it was approved. */
    public boolean granted(VariableScope scope) {
        var step = steps.of(scope);
        var resolution = resolution(step);
        return amount(resolution).signum() > 0 && decision(step, resolution)
                .map(d -> APPROVED.equals(d.outcome())).orElse(false);
    }

    /** For the customer's message: "200 CNY / 元: bill credit for the estimated reading". */
    public String describe(VariableScope scope) {
        var resolution = resolution(steps.of(scope));
        var reason = resolution.map(r -> r.text(COMPENSATION_REASON)).orElse("");
        var amount = amount(resolution).stripTrailingZeros().toPlainString() + " CNY / 元";
        return reason.isEmpty() ? amount : amount + ": " + reason;
    }

    /**
     * "Record goodwill decision", after the approval step (if any): goodwill within the limit is granted
     * by GridCare itself, recorded as such; above the limit the supervisors' decision is on record already.
     */
    public void decideWithinLimit(CaseStepContext step) {
        var resolution = resolution(step);
        var amount = amount(resolution);
        if (amount.signum() <= 0 || amount.compareTo(approvalLimit) > 0 || decision(step, resolution).isPresent()) {
            return;
        }
        var details = new LinkedHashMap<String, Object>();
        details.put(COMPENSATION_DECISION, APPROVED);
        details.put("approvalNote", "Within the approval limit of " + approvalLimit.toPlainString()
                + " CNY / 在 " + approvalLimit.toPlainString() + " 元审批限额以内");
        step.record(StepKind.GOODWILL_DECISION, details);
    }

    private static Optional<CaseStep> resolution(CaseStepContext step) {
        return step.latest(StepKind.RESOLUTION).filter(r -> "RESOLVED".equals(r.outcome()));
    }

    /** The decision on the resolution's goodwill: a decision step after it. */
    private static Optional<CaseStep> decision(CaseStepContext step, Optional<CaseStep> resolution) {
        return step.latest(StepKind.GOODWILL_DECISION, StepKind.RESOLUTION)
                .filter(s -> s.kind() == StepKind.GOODWILL_DECISION && resolution.isPresent());
    }

    private static BigDecimal amount(Optional<CaseStep> resolution) {
        return resolution.map(CaseStep::amount).orElse(BigDecimal.ZERO);
    }
}
