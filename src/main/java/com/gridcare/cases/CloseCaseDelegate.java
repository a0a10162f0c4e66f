package com.gridcare.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Close case": closes the case with the outcome in the {@value ProcessVariables#CASE_OUTCOME}
 * input parameter (a {@link CaseOutcome}, may be an expression). A case already closed stays as it was.
 */
@Component("closeCase")
class CloseCaseDelegate implements JavaDelegate {

    private final CaseRecords records;

    CloseCaseDelegate(CaseRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var outcome = execution.getVariable(ProcessVariables.CASE_OUTCOME);
        if (outcome == null) {
            throw new IllegalStateException("BPMN element " + execution.getCurrentActivityId() + " needs the input "
                    + "parameter " + ProcessVariables.CASE_OUTCOME);
        }
        records.close(ProcessCase.caseId(execution), CaseOutcome.valueOf(outcome.toString()));
    }
}
