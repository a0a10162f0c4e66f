package com.gridcare.complaint;

import com.gridcare.cases.ProcessSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Credit service recovery points" after the resolution clock was breached (the points ledger keeps them). */
@Component("creditServiceRecovery")
class CreditServiceRecoveryDelegate implements JavaDelegate {

    private final ProcessSteps steps;
    private final ServiceRecovery recovery;

    CreditServiceRecoveryDelegate(ProcessSteps steps, ServiceRecovery recovery) {
        this.steps = steps;
        this.recovery = recovery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        recovery.credit(steps.of(execution).caseId());
    }
}
