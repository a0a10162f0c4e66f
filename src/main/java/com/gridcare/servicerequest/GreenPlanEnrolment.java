package com.gridcare.servicerequest;

import com.gridcare.kernel.EngineClock;
import com.gridcare.customer.CustomerEvaluator;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.offers.OfferEligibility;
import com.gridcare.points.PointsLedger;
import com.gridcare.rules.runtime.DecisionService;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Enrols a customer in the green plan: the plan on the master data, a fresh evaluation (which adds
 * the GREEN segment) and this quarter's GREEN_PLAN reward as the offer rules grant it, booked once
 * per customer and quarter however often the step runs.
 */
@Service
public class GreenPlanEnrolment {

    public static final String OFFER = "GREEN_PLAN";

    private final CustomerRepository customers;
    private final CustomerEvaluator evaluator;
    private final OfferEligibility offers;
    private final PointsLedger ledger;
    private final Clock clock;

    GreenPlanEnrolment(CustomerRepository customers, CustomerEvaluator evaluator, OfferEligibility offers,
            PointsLedger ledger, Clock clock) {
        this.customers = customers;
        this.evaluator = evaluator;
        this.offers = offers;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** @return the points credited now (0 when the quarter's reward was booked before or no rule grants one) */
    @Transactional
    public int enrol(String caseId, String customerId) {
        var now = OffsetDateTime.now(clock);
        var today = LocalDate.ofInstant(now.toInstant(), EngineClock.ZONE);
        customers.startGreenPlan(customerId, today, now);
        var subject = DecisionService.Subject.caseOf(caseId, customerId);
        var customer = customers.find(customerId).orElseThrow();
        evaluator.evaluate(customer, subject);
        var decision = offers.eligibleOffers(customers.find(customerId).orElseThrow(), Set.of(), subject);
        var reward = decision.output().offers().stream()
                .filter(o -> o.isGranted() && OFFER.equals(o.getCode()) && o.getPoints() > 0).findFirst();
        if (reward.isEmpty()) return 0;
        var quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        boolean booked = ledger.credit(customerId, OFFER, reward.get().getPoints(), OFFER + ":" + customerId + ":" + quarter,
                "Green plan reward " + quarter + " (enrolment " + caseId + ")", caseId, decision.id());
        return booked ? reward.get().getPoints() : 0;
    }
}
