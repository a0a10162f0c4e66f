package com.gridcare.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Close withdrawn case", after the {@value CaseMessages#CASE_WITHDRAWN} message: closes the case as
 * WITHDRAWN, stops its open clocks, records it in the history and queues the withdrawal confirmation
 * to the customer.
 * Idempotent: run again, it changes nothing and queues nothing more.
 */
@Component("closeWithdrawnCase")
class CloseWithdrawnCaseDelegate implements JavaDelegate {

    private final ProcessSteps steps;
    private final CaseWithdrawal withdrawal;

    CloseWithdrawnCaseDelegate(ProcessSteps steps, CaseWithdrawal withdrawal) {
        this.steps = steps;
        this.withdrawal = withdrawal;
    }

    @Override
    public void execute(DelegateExecution execution) {
        withdrawal.closeWithdrawn(steps.of(execution).caseId());
    }
}
