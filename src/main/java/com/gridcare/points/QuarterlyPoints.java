package com.gridcare.points;

import com.gridcare.kernel.EngineClock;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.offers.OfferEligibility;
import com.gridcare.rules.runtime.DecisionService;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

/**
 * Credits the points standing offers grant per quarter (GREEN_PLAN, 200 a quarter) at the start of
 * each quarter, as the offer rules decide for each green-plan customer; once per customer and quarter.
 */
@Service
public class QuarterlyPoints {

    /** The result of one run: customers asked, customers credited now. */
    public record Run(String quarter, int customers, int credited) {}

    private final CustomerRepository customers;
    private final OfferEligibility offers;
    private final PointsLedger ledger;
    private final Clock clock;

    QuarterlyPoints(CustomerRepository customers, OfferEligibility offers, PointsLedger ledger, Clock clock) {
        this.customers = customers;
        this.offers = offers;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The quarter now, in Beijing: {@code 2026-Q4}. */
    public String currentQuarter() {
        var today = OffsetDateTime.now(clock).atZoneSameInstant(EngineClock.ZONE);
        return today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
    }

    public Run creditCurrentQuarter() {
        var quarter = currentQuarter();
        // Only green-plan customers can have quarterly points today; the rules still decide for each.
        var ids = customers.greenPlanIds();
        int credited = 0;
        for (var id : ids) {
            var entryKey = "GREEN_PLAN:" + id + ":" + quarter;
            if (ledger.exists(entryKey)) continue;
            var customer = customers.find(id).orElseThrow();
            var decision = offers.eligibleOffers(customer, ledger.offersCredited(id), DecisionService.Subject.customer(id));
            int points = decision.output().quarterlyPoints();
            if (points > 0 && ledger.credit(id, "GREEN_PLAN", points, entryKey, "Green plan " + quarter, null,
                    decision.id())) {
                credited++;
            }
        }
        return new Run(quarter, ids.size(), credited);
    }

    /** "Credit green-plan points" in {@code quarterly-points} (the points ledger keeps what was credited). */
    @Component("creditQuarterlyPoints")
    static class CreditQuarterlyPoints implements JavaDelegate {
        private final QuarterlyPoints points;

        CreditQuarterlyPoints(QuarterlyPoints points) {
            this.points = points;
        }

        @Override
        public void execute(DelegateExecution execution) {
            points.creditCurrentQuarter();
        }
    }
}
