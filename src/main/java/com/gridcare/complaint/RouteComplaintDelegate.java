package com.gridcare.complaint;

import static com.gridcare.cases.ProcessVariables.ASSIGNED_GROUP;
import static com.gridcare.cases.ProcessVariables.CASE_ID;
import static com.gridcare.cases.ProcessVariables.PRIORITY;
import static com.gridcare.cases.ProcessVariables.ROUTING_DECISION_ID;
import static com.gridcare.cases.ProcessVariables.ROUTING_REASON;
import static com.gridcare.cases.ProcessVariables.TIER;
import static com.gridcare.cases.ProcessVariables.TIER_REASON;

import com.gridcare.cases.CaseRepository;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.customer.Tier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Route complaint": group and priority by the complaint routing rules; the why in one sentence
 * ("Routed to key-accounts by row 4 'BILLING, KEY/STRATEGIC'; tier KEY because 2.3 GWh ≥ 1 GWh; priority 75").
 */
@Component("routeComplaint")
class RouteComplaintDelegate implements JavaDelegate {

    private final CaseRepository cases;
    private final CustomerRepository customers;
    private final ComplaintRouting routing;

    RouteComplaintDelegate(CaseRepository cases, CustomerRepository customers, ComplaintRouting routing) {
        this.cases = cases;
        this.customers = customers;
        this.routing = routing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var complaint = cases.find((String) execution.getVariable(CASE_ID)).orElseThrow();
        var customer = customers.find(complaint.customerId()).orElseThrow();
        var decision = routing.route(complaint, customer, Tier.valueOf((String) execution.getVariable(TIER)),
                (String) execution.getVariable(TIER_REASON));
        execution.setVariable(ASSIGNED_GROUP, decision.output().getGroup());
        execution.setVariable(PRIORITY, decision.output().getPriority());
        execution.setVariable(ROUTING_REASON, decision.explanation());
        execution.setVariable(ROUTING_DECISION_ID, decision.id());
    }
}
