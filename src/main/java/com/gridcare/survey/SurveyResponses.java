package com.gridcare.survey;

import com.gridcare.kernel.process.CaseVariables;
import com.gridcare.kernel.process.SurveyVariables;

import com.gridcare.api.ConflictException;
import com.gridcare.api.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import com.gridcare.cases.CaseStep;
import com.gridcare.cases.CaseSteps;
import com.gridcare.cases.StepKind;
import java.util.LinkedHashMap;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Takes a customer's answer to a survey and hands it to the survey's process. */
@Service
public class SurveyResponses {

    /** What became of an answer. */
    public interface Outcome {}

    public record Accepted(String surveyId, String caseId, int score, OffsetDateTime answeredAt) implements Outcome {}

    /** Arrived after the survey expired: refused, kept for reporting. */
    public record Late(String surveyId, OffsetDateTime expiredAt) implements Outcome {}

    private final SurveyRepository surveys;
    private final CaseSteps steps;
    private final RuntimeService runtime;
    private final Clock clock;

    SurveyResponses(SurveyRepository surveys, CaseSteps steps, RuntimeService runtime, Clock clock) {
        this.surveys = surveys;
        this.steps = steps;
        this.runtime = runtime;
        this.clock = clock;
    }

    /**
     * @throws NotFoundException for an unknown survey
     * @throws ConflictException when the survey was answered before, or never sent
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome answer(String surveyId, int score, String comment, String idempotencyKey, String by) {
        var survey = surveys.lock(surveyId)
                .orElseThrow(() -> new NotFoundException("surveyId: no survey " + surveyId));
        var now = OffsetDateTime.now(clock);
        switch (survey.status()) {
            case ANSWERED -> throw new ConflictException("surveyId: survey " + surveyId + " was already answered");
            case REQUESTED, SUPPRESSED -> throw new ConflictException(
                    "surveyId: survey " + surveyId + " was not sent, so it takes no answer");
            case EXPIRED -> {
                surveys.keepLateAnswer(surveyId, score, comment, idempotencyKey, now);
                return new Late(surveyId, survey.expiresAt());
            }
            case INVITED -> {
                // The expiry timer may not have run yet: the survey's own deadline decides.
                if (!now.isBefore(survey.expiresAt())) {
                    surveys.keepLateAnswer(surveyId, score, comment, idempotencyKey, now);
                    return new Late(surveyId, survey.expiresAt());
                }
            }
        }
        if (!surveys.answer(surveyId, score, comment, now)) {
            throw new ConflictException("surveyId: survey " + surveyId + " changed at the same time; try again");
        }
        var answer = new LinkedHashMap<String, Object>();
        answer.put("score", score);
        answer.put("comment", comment);
        steps.append(new CaseStep.New(survey.caseId(), survey.customerId(), survey.processInstanceId(),
                StepKind.SURVEY_ANSWERED, "survey-answer", "Survey " + surveyId + " answered", null, by, null, answer));
        // the customer answered: no longer waiting for them (Tasklist filter)
        runtime.removeVariable(survey.processInstanceId(), CaseVariables.WAITING_FOR_CUSTOMER);
        runtime.createMessageCorrelation(SurveyProcess.MESSAGE_ANSWERED).processInstanceBusinessKey(surveyId)
                .setVariable(SurveyVariables.SURVEY_SCORE, score).correlate();
        return new Accepted(surveyId, survey.caseId(), score, now);
    }
}
