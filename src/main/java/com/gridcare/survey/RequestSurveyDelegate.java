package com.gridcare.survey;

import static com.gridcare.cases.ProcessVariables.CASE_ID;
import static com.gridcare.cases.ProcessVariables.CUSTOMER_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Request survey": the closed case asks for its satisfaction survey. */
@Component("requestSurvey")
class RequestSurveyDelegate implements JavaDelegate {

    private final SurveyRequests requests;

    RequestSurveyDelegate(SurveyRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.request((String) execution.getVariable(CASE_ID), (String) execution.getVariable(CUSTOMER_ID));
    }
}
