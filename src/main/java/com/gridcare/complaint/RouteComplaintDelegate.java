package com.gridcare.complaint;

import com.gridcare.kernel.process.CaseVariables;

import com.gridcare.cases.ProcessSteps;
import com.gridcare.cases.StepKind;
import com.gridcare.customer.Tier;
import java.util.LinkedHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Route complaint": group and priority by the complaint routing rules, the why in one sentence
 * ("Routed to key-accounts by row 4 'BILLING, KEY/STRATEGIC'; tier KEY because 2.3 GWh ≥ 1 GWh; priority
 * 75") in the record; the process keeps the group and priority its tasks are assigned with.
 */
@Component("routeComplaint")
class RouteComplaintDelegate implements JavaDelegate {

    private final ProcessSteps steps;
    private final ComplaintRouting routing;

    RouteComplaintDelegate(ProcessSteps steps, ComplaintRouting routing) {
        this.steps = steps;
        this.routing = routing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var step = steps.of(execution);
        var evaluated = step.latest(StepKind.CUSTOMER_EVALUATED).orElseThrow(() -> new IllegalStateException(
                "case " + step.caseId() + " is routed before its customer was evaluated (\"Evaluate customer\")"));
        var decision = routing.route(step.serviceCase(), step.customer(), Tier.valueOf(evaluated.text("tier")),
                evaluated.text("reason"));
        var details = new LinkedHashMap<String, Object>();
        details.put("group", decision.output().getGroup());
        details.put("priority", decision.output().getPriority());
        details.put("reason", decision.explanation());
        details.put("decisionId", decision.id());
        step.record(StepKind.ROUTED, details);
        step.keep(CaseVariables.ASSIGNED_GROUP, decision.output().getGroup());
        step.keep(CaseVariables.PRIORITY, decision.output().getPriority());
    }
}
