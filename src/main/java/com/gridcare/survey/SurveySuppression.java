package com.gridcare.survey;

import com.gridcare.cases.CaseOutcome;
import com.gridcare.cases.CaseRepository;
import com.gridcare.rules.runtime.Decision;
import com.gridcare.rules.runtime.DecisionService;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Asks the suppression rules whether a survey may be sent, records the decision, and marks a
 * suppressed survey. Counts only surveys actually sent, so suppressed ones do not hold back the next.
 */
@Service
public class SurveySuppression {

    public static final String RULE_PACKAGE = "surveysuppression";
    public static final String KIND = "SURVEY_SUPPRESSION";

    /** The recorded answer. */
    public record Verdict(boolean suppressed, List<String> reasons, List<String> suppressedBy) {}

    private final SurveyRepository surveys;
    private final CaseRepository cases;
    private final DecisionService decisions;
    private final Clock clock;

    SurveySuppression(SurveyRepository surveys, CaseRepository cases, DecisionService decisions, Clock clock) {
        this.surveys = surveys;
        this.cases = cases;
        this.decisions = decisions;
        this.clock = clock;
    }

    /**
     * Decides whether a campaign may survey the customer now: the same rules, with the surveys and
     * campaign invitations the customer had, and no case.
     */
    public Decision<Verdict> forCampaign(String campaignId, String customerId) {
        var now = OffsetDateTime.now(clock);
        var facts = new SurveyFacts();
        facts.setCustomerId(customerId);
        surveys.lastInvited(customerId)
                .ifPresent(last -> facts.setDaysSinceLastSurvey((int) Duration.between(last, now).toDays()));
        facts.setSurveysLast12Months(surveys.invitedSince(customerId, now.minusMonths(12)));
        return decisions.decide(KIND, RULE_PACKAGE, DecisionService.Subject.customer(customerId), facts,
                f -> new Verdict(f.isSuppressed(), f.getReasons(), f.getSuppressedBy()),
                (f, rules) -> f.isSuppressed()
                        ? "not in campaign " + campaignId + ": " + String.join("; ",
                                f.getSuppressedBy().stream().map(rules::describe).toList())
                        : "campaign " + campaignId + " may survey: no suppression rule applies (last survey "
                                + (f.isSurveyedBefore() ? f.getDaysSinceLastSurvey() + " days ago" : "never")
                                + ", " + f.getSurveysLast12Months() + " in 12 months)");
    }

    /** Decides for a survey still REQUESTED; a suppressed survey is marked SUPPRESSED with the reason. */
    public Decision<Verdict> check(String surveyId) {
        var survey = surveys.find(surveyId).orElseThrow(() -> new IllegalStateException("no survey " + surveyId));
        var now = OffsetDateTime.now(clock);
        var facts = new SurveyFacts();
        facts.setCaseId(survey.caseId());
        facts.setCustomerId(survey.customerId());
        surveys.lastInvited(survey.customerId())
                .ifPresent(last -> facts.setDaysSinceLastSurvey((int) Duration.between(last, now).toDays()));
        facts.setSurveysLast12Months(surveys.invitedSince(survey.customerId(), now.minusMonths(12)));
        facts.setCaseWithdrawn(cases.find(survey.caseId())
                .map(c -> CaseOutcome.WITHDRAWN.name().equals(c.outcome()) || c.withdrawalRequested())
                .orElse(false));
        var decision = decisions.decide(KIND, RULE_PACKAGE,
                DecisionService.Subject.caseOf(survey.caseId(), survey.customerId()), facts,
                f -> new Verdict(f.isSuppressed(), f.getReasons(), f.getSuppressedBy()),
                (f, rules) -> f.isSuppressed()
                        ? "no survey for " + surveyId + ": " + String.join("; ",
                                f.getSuppressedBy().stream().map(rules::describe).toList())
                        : "survey " + surveyId + " sent: no suppression rule applies (last survey "
                                + (f.isSurveyedBefore() ? f.getDaysSinceLastSurvey() + " days ago" : "never")
                                + ", " + f.getSurveysLast12Months() + " in 12 months)");
        if (decision.output().suppressed()) {
            surveys.suppress(surveyId, decision.explanation(), decision.id(), now);
        }
        return decision;
    }
}
