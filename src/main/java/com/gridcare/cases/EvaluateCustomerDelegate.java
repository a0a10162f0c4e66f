package com.gridcare.cases;

import com.gridcare.kernel.process.CaseVariables;

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
    private final CaseTiers tiers;

    EvaluateCustomerDelegate(ProcessSteps steps, CaseTiers tiers) {
        this.steps = steps;
        this.tiers = tiers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var step = steps.of(execution);
        var evaluated = tiers.evaluate(step.caseId(), step.customer());
        var tier = evaluated.evaluation().getTier().name();
        var details = new LinkedHashMap<String, Object>();
        details.put("tier", tier);
        details.put("flags", String.join(", ", evaluated.evaluation().getFlags()));
        details.put("reason", evaluated.tierReason());
        details.put("decisionId", evaluated.decision().id());
        step.record(StepKind.CUSTOMER_EVALUATED, details);
        step.keep(CaseVariables.TIER, tier);
    }
}
