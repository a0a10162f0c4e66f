package com.gridcare.complaint;

import com.gridcare.cases.ProcessSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record goodwill decision": goodwill within the approval limit is granted with the resolution. */
@Component("recordGoodwillDecision")
class RecordGoodwillDecisionDelegate implements JavaDelegate {

    private final ProcessSteps steps;
    private final Goodwill goodwill;

    RecordGoodwillDecisionDelegate(ProcessSteps steps, Goodwill goodwill) {
        this.steps = steps;
        this.goodwill = goodwill;
    }

    @Override
    public void execute(DelegateExecution execution) {
        goodwill.decideWithinLimit(steps.of(execution));
    }
}
