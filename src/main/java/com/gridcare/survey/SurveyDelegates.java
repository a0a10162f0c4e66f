package com.gridcare.survey;

import static com.gridcare.kernel.process.CaseVariables.ESCALATED;
import static com.gridcare.kernel.process.SurveyVariables.SURVEY_ID;
import static com.gridcare.kernel.process.SurveyVariables.SURVEY_SUPPRESSED;
import static com.gridcare.kernel.process.CaseVariables.WAITING_FOR_CUSTOMER;

import com.gridcare.api.InvalidFieldException;
import com.gridcare.cases.ProcessSteps;
import com.gridcare.cases.StepKind;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The survey-follow-up steps; each calls the survey's domain services through the case-step context. */
final class SurveyDelegates {

    private SurveyDelegates() {
    }

    static String surveyId(DelegateExecution execution) {
        return execution.getVariable(SURVEY_ID) instanceof String id ? id : execution.getProcessBusinessKey();
    }

    /** "Check suppression rules": hands {@code surveySuppressed} to the gateway after it (the survey keeps the reason). */
    @Component("checkSurveySuppression")
    static class CheckSuppression implements JavaDelegate {
        private final ProcessSteps steps;
        private final SurveySuppression suppression;

        CheckSuppression(ProcessSteps steps, SurveySuppression suppression) {
            this.steps = steps;
            this.suppression = suppression;
        }

        @Override
        public void execute(DelegateExecution execution) {
            var decision = suppression.check(surveyId(execution));
            steps.of(execution).pass(SURVEY_SUPPRESSED, decision.output().suppressed());
        }
    }

    /**
     * "Open survey": the survey takes answers from now until it expires; the invitation carries its
     * reply code and link ({@code ${survey...}}), and the reminder and expiry timers follow it.
     */
    @Component("openSurvey")
    static class Open implements JavaDelegate {
        private final ProcessSteps steps;
        private final SurveyExpressions survey;
        private final SurveyRepository surveys;
        private final Clock clock;

        Open(ProcessSteps steps, SurveyExpressions survey, SurveyRepository surveys, Clock clock) {
            this.steps = steps;
            this.survey = survey;
            this.surveys = surveys;
            this.clock = clock;
        }

        @Override
        public void execute(DelegateExecution execution) {
            var now = OffsetDateTime.now(clock);
            surveys.invite(surveyId(execution), now, now.plus(survey.expireAfter()));
            steps.of(execution).flag(WAITING_FOR_CUSTOMER);
        }
    }

    /** "Expire survey": no answer in time; an answer from now on is refused and kept for reporting. */
    @Component("expireSurvey")
    static class Expire implements JavaDelegate {
        private final ProcessSteps steps;
        private final SurveyRepository surveys;
        private final Clock clock;

        Expire(ProcessSteps steps, SurveyRepository surveys, Clock clock) {
            this.steps = steps;
            this.surveys = surveys;
            this.clock = clock;
        }

        @Override
        public void execute(DelegateExecution execution) {
            surveys.expire(surveyId(execution), OffsetDateTime.now(clock));
            steps.of(execution).unflag(WAITING_FOR_CUSTOMER);
        }
    }

    /** "Credit survey reward": SURVEY_THANKS as the offer rules allow, once per survey (the points ledger keeps it). */
    @Component("creditSurveyReward")
    static class CreditReward implements JavaDelegate {
        private final SurveyRewards rewards;

        CreditReward(SurveyRewards rewards) {
            this.rewards = rewards;
        }

        @Override
        public void execute(DelegateExecution execution) {
            rewards.credit(surveyId(execution));
        }
    }

    /** "Record improvement plan": the approved plan (the latest drafted in the record), kept with the survey as sent. */
    @Component("recordImprovementPlan")
    static class RecordImprovementPlan implements JavaDelegate {
        private final ProcessSteps steps;
        private final SurveyRepository surveys;
        private final Clock clock;

        RecordImprovementPlan(ProcessSteps steps, SurveyRepository surveys, Clock clock) {
            this.steps = steps;
            this.surveys = surveys;
            this.clock = clock;
        }

        @Override
        public void execute(DelegateExecution execution) {
            var plan = steps.of(execution).latest(StepKind.IMPROVEMENT_PLAN).map(s -> s.text(SurveyProcess.IMPROVEMENT_PLAN))
                    .orElseThrow(() -> new IllegalStateException("survey " + surveyId(execution)
                            + ": no improvement plan was drafted"));
            surveys.recordPlanSent(surveyId(execution), plan, OffsetDateTime.now(clock));
        }
    }

    /**
     * {@code ${checkPlanVerdict}} of survey-follow-up versions deployed before the case record: a plan
     * sent back must say what to change. Newer versions record "Approve improvement plan" as a
     * {@link StepKind#PLAN_REVIEW} step, which checks the same.
     */
    @Component("checkPlanVerdict")
    static class CheckPlanVerdict implements TaskListener {
        @Override
        public void notify(DelegateTask task) {
            var approved = Boolean.TRUE.equals(task.getVariable(SurveyProcess.PLAN_APPROVED));
            var feedback = task.getVariable(SurveyProcess.PLAN_FEEDBACK);
            if (!approved && (!(feedback instanceof String text) || text.isBlank())) {
                throw new InvalidFieldException("variables." + SurveyProcess.PLAN_FEEDBACK,
                        "is required when the plan is sent back: say what to change");
            }
        }
    }

    /** "Mark overdue": a follow-up step passed its working-day limit (Tasklist filter "Escalated"). */
    @Component("markSurveyOverdue")
    static class MarkOverdue implements JavaDelegate {
        private final ProcessSteps steps;

        MarkOverdue(ProcessSteps steps) {
            this.steps = steps;
        }

        @Override
        public void execute(DelegateExecution execution) {
            steps.of(execution).flag(ESCALATED);
        }
    }
}
