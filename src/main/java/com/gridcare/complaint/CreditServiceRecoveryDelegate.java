package com.gridcare.complaint;

import static com.gridcare.cases.ProcessVariables.CASE_ID;
import static com.gridcare.cases.ProcessVariables.SERVICE_RECOVERY_POINTS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Credit service recovery points" after the resolution clock was breached. */
@Component("creditServiceRecovery")
class CreditServiceRecoveryDelegate implements JavaDelegate {

    private final ServiceRecovery recovery;

    CreditServiceRecoveryDelegate(ServiceRecovery recovery) {
        this.recovery = recovery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(SERVICE_RECOVERY_POINTS, recovery.credit((String) execution.getVariable(CASE_ID)));
    }
}
