package com.gridcare.complaint;

import static com.gridcare.cases.ProcessVariables.CONTACT_ATTEMPTS;
import static com.gridcare.cases.ProcessVariables.ESCALATED;
import static com.gridcare.cases.ProcessVariables.REGULATORY_RISK;
import static com.gridcare.cases.ProcessVariables.REOPEN_COUNT;
import static com.gridcare.cases.ProcessVariables.WAITING_FOR_CUSTOMER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of {@code complaint-handling}: the Tasklist filter flags exist from the start (a filter on
 * {@code escalated = false} finds a case only when the variable exists) and live on the process
 * instance, so that steps deep in subprocesses set them there; the reopen count and contact log start empty.
 */
@Component("initialiseComplaint")
class InitialiseComplaintListener implements ExecutionListener {

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariable(ESCALATED, false);
        execution.setVariable(REGULATORY_RISK, false);
        execution.setVariable(WAITING_FOR_CUSTOMER, false);
        execution.setVariable(REOPEN_COUNT, 0);
        execution.setVariable(CONTACT_ATTEMPTS, "");
    }
}
