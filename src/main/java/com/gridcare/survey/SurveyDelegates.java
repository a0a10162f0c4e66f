package com.gridcare.survey;

import static com.gridcare.cases.ProcessVariables.ANSWER_BY;
import static com.gridcare.cases.ProcessVariables.ESCALATED;
import static com.gridcare.cases.ProcessVariables.REMIND_AT;
import static com.gridcare.cases.ProcessVariables.REPLY_CODE;
import static com.gridcare.cases.ProcessVariables.SUPPRESSION_REASON;
import static com.gridcare.cases.ProcessVariables.SURVEY_ID;
import static com.gridcare.cases.ProcessVariables.SURVEY_LINK;
import static com.gridcare.cases.ProcessVariables.SURVEY_SUPPRESSED;
import static com.gridcare.cases.ProcessVariables.WAITING_FOR_CUSTOMER;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import com.gridcare.api.InvalidFieldException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The survey-follow-up steps; each calls the survey's domain services. */
@Configuration
class SurveyDelegates {

    static String surveyId(DelegateExecution execution) {
        return execution.getVariable(SURVEY_ID) instanceof String id ? id : execution.getProcessBusinessKey();
    }

    /** "Check suppression rules": sets {@code surveySuppressed} and, when suppressed, the reason. */
    @Bean("checkSurveySuppression")
    JavaDelegate checkSurveySuppression(SurveySuppression suppression) {
        return execution -> {
            var decision = suppression.check(surveyId(execution));
            execution.setVariable(SURVEY_SUPPRESSED, decision.output().suppressed());
            execution.setVariable(SUPPRESSION_REASON,
                    decision.output().suppressed() ? String.join(", ", decision.output().reasons()) : null);
        };
    }

    /**
     * "Open survey": the survey takes answers from now until it expires; sets the reply code and link
     * the invitation carries and the moments of the reminder and the expiry timers.
     */
    @Bean("openSurvey")
    JavaDelegate openSurvey(SurveyRepository surveys, Clock clock,
            @Value("${gridcare.survey.link-base:https://gridcare.example/survey/}") String linkBase,
            @Value("${gridcare.survey.remind-after:P3D}") Duration remindAfter,
            @Value("${gridcare.survey.expire-after:P7D}") Duration expireAfter) {
        return execution -> {
            var id = surveyId(execution);
            var now = OffsetDateTime.now(clock);
            var expiresAt = now.plus(expireAfter);
            surveys.invite(id, now, expiresAt);
            var survey = surveys.find(id).orElseThrow();
            execution.setVariable(REPLY_CODE, survey.replyCode());
            execution.setVariable(SURVEY_LINK, linkBase + survey.replyCode());
            execution.setVariable(REMIND_AT, Date.from(now.plus(remindAfter).toInstant()));
            execution.setVariable(ANSWER_BY, Date.from(survey.expiresAt().toInstant()));
            execution.setVariable(WAITING_FOR_CUSTOMER, true);
        };
    }

    /** "Expire survey": no answer in time; an answer from now on is refused and kept for reporting. */
    @Bean("expireSurvey")
    JavaDelegate expireSurvey(SurveyRepository surveys, Clock clock) {
        return execution -> {
            surveys.expire(surveyId(execution), OffsetDateTime.now(clock));
            execution.setVariable(WAITING_FOR_CUSTOMER, false);
        };
    }

    /** "Credit survey reward": SURVEY_THANKS as the offer rules allow, once per survey. */
    @Bean("creditSurveyReward")
    JavaDelegate creditSurveyReward(SurveyRewards rewards) {
        return execution -> execution.setVariable(com.gridcare.cases.ProcessVariables.REWARD_POINTS,
                rewards.credit(surveyId(execution)));
    }

    /** "Record improvement plan": the approved plan, kept with the survey as sent to the customer. */
    @Bean("recordImprovementPlan")
    JavaDelegate recordImprovementPlan(SurveyRepository surveys, Clock clock) {
        return execution -> surveys.recordPlanSent(surveyId(execution), (String) execution.getVariable(SurveyProcess.IMPROVEMENT_PLAN),
                OffsetDateTime.now(clock));
    }

    /**
     * On completing "Approve improvement plan": a plan sent back must say what to change. The form
     * asks for it, but only while shown, and a form's conditions are not checked on the server.
     */
    @Bean("checkPlanVerdict")
    TaskListener checkPlanVerdict() {
        return task -> {
            var approved = Boolean.TRUE.equals(task.getVariable(SurveyProcess.PLAN_APPROVED));
            var feedback = task.getVariable(SurveyProcess.PLAN_FEEDBACK);
            if (!approved && (!(feedback instanceof String text) || text.isBlank())) {
                throw new InvalidFieldException("variables." + SurveyProcess.PLAN_FEEDBACK,
                        "is required when the plan is sent back: say what to change");
            }
        };
    }

    /** "Mark overdue": a follow-up step passed its working-day limit (Tasklist filter "Escalated"). */
    @Bean("markSurveyOverdue")
    JavaDelegate markSurveyOverdue() {
        return execution -> execution.setVariable(ESCALATED, true);
    }
}
