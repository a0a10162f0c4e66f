package com.gridcare.cases;

import com.gridcare.kernel.process.StepParameters;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Close case": closes the case with the outcome in the {@value StepParameters#CASE_OUTCOME}
 * input parameter (a {@link CaseOutcome}, may be an expression). A case already closed stays as it was.
 * Clocks still open (an expired request's paused clock) stop: the case no longer counts down.
 */
@Component("closeCase")
class CloseCaseDelegate implements JavaDelegate {

    private final ProcessSteps steps;

    CloseCaseDelegate(ProcessSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var outcome = execution.getVariableLocal(StepParameters.CASE_OUTCOME);
        if (outcome == null) {
            throw new IllegalStateException("BPMN element " + execution.getCurrentActivityId() + " needs the input "
                    + "parameter " + StepParameters.CASE_OUTCOME);
        }
        var step = steps.of(execution);
        step.records().close(step.caseId(), CaseOutcome.valueOf(outcome.toString()));
        step.clocks().stopOpen(step.caseId(), "case closed " + outcome);
    }
}
