package com.gridcare.cases;

import com.gridcare.customer.CustomerEvaluator;
import com.gridcare.rules.DecisionService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Evaluate customer" (complaints and service requests): tier, flags and segments by the customer
 * rules, recorded on the case and in its record; the process keeps the tier (Tasklist filter "Key
 * accounts").
 */
@Component("evaluateCustomer")
class EvaluateCustomerDelegate implements JavaDelegate {

    private final ProcessSteps steps;
    private final CaseRepository cases;
    private final CustomerEvaluator evaluator;
    private final Clock clock;

    EvaluateCustomerDelegate(ProcessSteps steps, CaseRepository cases, CustomerEvaluator evaluator, Clock clock) {
        this.steps = steps;
        this.cases = cases;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var step = steps.of(execution);
        var customer = step.customer();
        var evaluated = evaluator.evaluate(customer, DecisionService.Subject.caseOf(step.caseId(), customer.id()));
        var tier = evaluated.evaluation().getTier().name();
        cases.recordTier(step.caseId(), tier, OffsetDateTime.now(clock));
        var details = new LinkedHashMap<String, Object>();
        details.put("tier", tier);
        details.put("flags", String.join(", ", evaluated.evaluation().getFlags()));
        details.put("reason", evaluated.tierReason());
        details.put("decisionId", evaluated.decision().id());
        step.record(StepKind.CUSTOMER_EVALUATED, details);
        step.keep(ProcessVariables.TIER, tier);
    }
}
