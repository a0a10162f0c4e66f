package com.gridcare.survey;

import com.gridcare.cases.ProcessSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Request survey": the closed case asks for its satisfaction survey. */
@Component("requestSurvey")
class RequestSurveyDelegate implements JavaDelegate {

    private final ProcessSteps steps;
    private final SurveyRequests requests;

    RequestSurveyDelegate(ProcessSteps steps, SurveyRequests requests) {
        this.steps = steps;
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var step = steps.of(execution);
        requests.request(step.caseId(), step.customerId());
    }
}
