package com.gridcare.complaint;

import com.gridcare.cases.ProcessSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Reopen complaint": the customer said the result does not resolve it; counted, priority raised. */
@Component("reopenComplaint")
class ReopenComplaintDelegate implements JavaDelegate {

    private final ProcessSteps steps;
    private final Reopening reopening;

    ReopenComplaintDelegate(ProcessSteps steps, Reopening reopening) {
        this.steps = steps;
        this.reopening = reopening;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reopening.reopen(steps.of(execution));
    }
}
