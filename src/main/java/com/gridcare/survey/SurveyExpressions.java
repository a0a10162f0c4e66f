package com.gridcare.survey;

import com.gridcare.kernel.process.SurveyVariables;

import com.gridcare.security.ExpressionBean;
import java.time.Duration;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What {@code survey-follow-up}'s messages and timers read about the survey (bean {@code survey}),
 * from the survey itself rather than from process variables: its reply code and link, when the reminder
 * is due and when it expires.
 */
@ExpressionBean
@Component("survey")
public class SurveyExpressions {

    private final SurveyRepository surveys;
    private final String linkBase;
    private final Duration remindAfter;
    private final Duration expireAfter;

    SurveyExpressions(SurveyRepository surveys, SurveyProperties properties) {
        this.surveys = surveys;
        this.linkBase = properties.linkBase();
        this.remindAfter = properties.remindAfter();
        this.expireAfter = properties.expireAfter();
    }

    Duration expireAfter() {
        return expireAfter;
    }

    public String replyCode(VariableScope scope) {
        return survey(scope).replyCode();
    }

    public String link(VariableScope scope) {
        return linkBase + survey(scope).replyCode();
    }

    /** When the reminder is due: {@code gridcare.survey.remind-after} after the invitation (default 3 days). */
    public Date remindAt(VariableScope scope) {
        return Date.from(survey(scope).invitedAt().plus(remindAfter).toInstant());
    }

    /** When the survey expires: {@code gridcare.survey.expire-after} after the invitation (default 7 days). */
    public Date expiresAt(VariableScope scope) {
        return Date.from(survey(scope).expiresAt().toInstant());
    }

    private Survey survey(VariableScope scope) {
        var id = scope instanceof DelegateExecution execution ? SurveyDelegates.surveyId(execution)
                : (String) scope.getVariable(com.gridcare.kernel.process.SurveyVariables.SURVEY_ID);
        return surveys.find(id).orElseThrow(() -> new IllegalStateException("no survey " + id));
    }
}
