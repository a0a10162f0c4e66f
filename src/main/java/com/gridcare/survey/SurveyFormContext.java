package com.gridcare.survey;

import com.gridcare.kernel.process.SurveyVariables;

import com.gridcare.cases.CaseStepContext;
import com.gridcare.cases.FormContext;
import com.gridcare.cases.StepKind;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What a survey follow-up's forms show: the survey, the customer's score and comment, and what the
 * earlier steps recorded (the call's notes, the latest plan and the supervisors' feedback on it).
 */
@Component
class SurveyFormContext implements FormContext {

    private final SurveyRepository surveys;

    SurveyFormContext(SurveyRepository surveys) {
        this.surveys = surveys;
    }

    @Override
    public Map<String, Object> values(CaseStepContext step, String processKey, String taskKey) {
        if (!SurveyProcess.KEY.equals(processKey) || !(step.variable(SurveyVariables.SURVEY_ID) instanceof String id)) {
            return Map.of();
        }
        var survey = surveys.find(id).orElse(null);
        if (survey == null) return Map.of();
        var values = new LinkedHashMap<String, Object>();
        values.put(SurveyVariables.SURVEY_ID, survey.id());
        if (survey.score() != null) values.put(SurveyVariables.SURVEY_SCORE, survey.score());
        values.put("surveyComment", survey.comment() == null ? "" : survey.comment());
        values.put("callNotes", step.latest(StepKind.RECOVERY_CALL).map(s -> s.text("callNotes")).orElse(""));
        values.put(SurveyProcess.IMPROVEMENT_PLAN, step.latest(StepKind.IMPROVEMENT_PLAN)
                .map(s -> s.text(SurveyProcess.IMPROVEMENT_PLAN)).orElse(""));
        values.put(SurveyProcess.PLAN_FEEDBACK, step.latest(StepKind.PLAN_REVIEW)
                .map(s -> s.text(SurveyProcess.PLAN_FEEDBACK)).orElse(""));
        return values;
    }
}
