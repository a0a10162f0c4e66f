package com.gridcare.outage;

import com.gridcare.security.ExpressionBean;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What {@code outage} and a linked {@code service-request} read in expressions (bean {@code outage}):
 * the customers to call, who calls and by when, and whether a request belongs to a known outage.
 */
@ExpressionBean
@Component("outage")
public class OutageExpressions {

    private final OutageCalls calls;
    private final Outages outages;

    OutageExpressions(OutageCalls calls, Outages outages) {
        this.calls = calls;
        this.outages = outages;
    }

    /** The IMPORTANT and PRIORITY_CARE customers the outage affects (one call each). */
    public List<String> callCustomers(DelegateExecution execution) {
        return calls.customers(execution.getProcessBusinessKey());
    }

    /** The group that calls the customer of this call ({@code customerId}). */
    public String callGroup(DelegateExecution execution) {
        return calls.group(execution.getProcessBusinessKey(), (String) execution.getVariable("customerId"));
    }

    /** When the call is due: before the notice deadline. */
    public Date callDueAt(DelegateExecution execution) {
        return Date.from(calls.dueAt(execution.getProcessBusinessKey()).toInstant());
    }

    /** Whether the request (its business key) was linked to a known outage at intake. */
    public boolean linked(DelegateExecution execution) {
        return outages.linkedTo(execution.getProcessBusinessKey()).isPresent();
    }

    /** The linked outage's expected restoration, for the acknowledgement. */
    public Object expectedRestorationAt(DelegateExecution execution) {
        return outages.linkedTo(execution.getProcessBusinessKey()).map(o -> (Object) o.expectedRestorationAt().toString())
                .orElse("");
    }

    /** The linked outage's number. */
    public String linkedOutageId(DelegateExecution execution) {
        return outages.linkedTo(execution.getProcessBusinessKey()).map(Outage::id).orElse("");
    }
}
