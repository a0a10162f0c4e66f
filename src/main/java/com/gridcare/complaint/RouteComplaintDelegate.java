package com.gridcare.complaint;

import static com.gridcare.cases.ProcessVariables.ASSIGNED_GROUP;
import static com.gridcare.cases.ProcessVariables.CASE_ID;
import static com.gridcare.cases.ProcessVariables.PRIORITY;
import static com.gridcare.cases.ProcessVariables.ROUTING_DECISION_ID;
import static com.gridcare.cases.ProcessVariables.ROUTING_REASON;
import static com.gridcare.cases.ProcessVariables.TIER;

import com.gridcare.cases.CaseRepository;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.customer.Tier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Route complaint": group and priority by the complaint routing rules. */
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
        var decision = routing.route(complaint, customer, Tier.valueOf((String) execution.getVariable(TIER)));
        execution.setVariable(ASSIGNED_GROUP, decision.output().getGroup());
        execution.setVariable(PRIORITY, decision.output().getPriority());
        execution.setVariable(ROUTING_REASON, decision.output().explain());
        execution.setVariable(ROUTING_DECISION_ID, decision.id());
    }
}
