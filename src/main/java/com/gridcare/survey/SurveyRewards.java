package com.gridcare.survey;

import com.gridcare.kernel.EngineClock;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.offers.OfferEligibility;
import com.gridcare.offers.RewardEvent;
import com.gridcare.points.PointsLedger;
import com.gridcare.rules.runtime.DecisionService;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;

/** Credits the reward for an answered survey as the offer rules allow (SURVEY_THANKS, at most 4 a year). */
@Service
public class SurveyRewards {

    static final String OFFER = "SURVEY_THANKS";

    private final SurveyRepository surveys;
    private final CustomerRepository customers;
    private final OfferEligibility offers;
    private final PointsLedger ledger;
    private final Clock clock;

    SurveyRewards(SurveyRepository surveys, CustomerRepository customers, OfferEligibility offers, PointsLedger ledger,
            Clock clock) {
        this.surveys = surveys;
        this.customers = customers;
        this.offers = offers;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** @return the points credited for this survey, now or by an earlier run; 0 when no row grants a reward */
    public int credit(String surveyId) {
        var survey = surveys.find(surveyId).orElseThrow(() -> new IllegalStateException("no survey " + surveyId));
        var entryKey = OFFER + ":" + surveyId;
        var booked = ledger.entry(entryKey);
        if (booked.isPresent()) {
            return booked.get().points();
        }
        var customer = customers.find(survey.customerId())
                .orElseThrow(() -> new IllegalStateException("no customer " + survey.customerId()));
        var yearStart = OffsetDateTime.now(clock).atZoneSameInstant(EngineClock.ZONE).withDayOfYear(1)
                .toLocalDate().atStartOfDay(EngineClock.ZONE).toOffsetDateTime();
        var creditedThisYear = ledger.timesCredited(customer.id(), OFFER, yearStart);
        var decision = offers.reward(customer, RewardEvent.SURVEY_ANSWERED, creditedThisYear,
                DecisionService.Subject.caseOf(survey.caseId(), customer.id()));
        var reward = decision.output();
        if (reward.reward() == null || reward.rewardPoints() <= 0) {
            return 0;
        }
        ledger.credit(customer.id(), reward.reward(), reward.rewardPoints(), entryKey,
                "Survey " + surveyId + " answered", survey.caseId(), decision.id());
        return reward.rewardPoints();
    }
}
