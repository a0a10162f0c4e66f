package com.gridcare.complaint;

import static com.gridcare.cases.ProcessVariables.ASSIGNED_GROUP;
import static com.gridcare.cases.ProcessVariables.CASE_ID;
import static com.gridcare.cases.ProcessVariables.PRIORITY;
import static com.gridcare.cases.ProcessVariables.REOPEN_COUNT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Reopen complaint": the customer said the result does not resolve it; counted, priority raised. */
@Component("reopenComplaint")
class ReopenComplaintDelegate implements JavaDelegate {

    private final Reopening reopening;

    ReopenComplaintDelegate(Reopening reopening) {
        this.reopening = reopening;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var count = execution.getVariable(REOPEN_COUNT) instanceof Number n ? n.intValue() : 0;
        var priority = execution.getVariable(PRIORITY) instanceof Number n ? n.intValue() : 0;
        var reopened = reopening.reopen((String) execution.getVariable(CASE_ID),
                (String) execution.getVariable(ASSIGNED_GROUP), count, priority);
        execution.setVariable(REOPEN_COUNT, reopened.count());
        execution.setVariable(PRIORITY, reopened.priority());
    }
}
