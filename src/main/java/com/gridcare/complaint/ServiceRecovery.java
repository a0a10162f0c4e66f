package com.gridcare.complaint;

import com.gridcare.kernel.EngineClock;
import com.gridcare.cases.CaseRepository;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.notification.NotificationOutbox;
import com.gridcare.notification.NotificationTemplate;
import com.gridcare.offers.OfferEligibility;
import com.gridcare.offers.RewardEvent;
import com.gridcare.points.PointsLedger;
import com.gridcare.rules.runtime.DecisionService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service-recovery reward when a complaint's resolution clock is breached: the offer rules say
 * which reward and how many points; the ledger books it once per case (entry key
 * {@code SERVICE_RECOVERY:<case>}) and the customer is told in the same transaction.
 */
@Service
public class ServiceRecovery {

    private final CaseRepository cases;
    private final CustomerRepository customers;
    private final OfferEligibility offers;
    private final PointsLedger ledger;
    private final NotificationOutbox outbox;
    private final Clock clock;

    ServiceRecovery(CaseRepository cases, CustomerRepository customers, OfferEligibility offers, PointsLedger ledger,
            NotificationOutbox outbox, Clock clock) {
        this.cases = cases;
        this.customers = customers;
        this.offers = offers;
        this.ledger = ledger;
        this.outbox = outbox;
        this.clock = clock;
    }

    public static String entryKey(String caseId) {
        return "SERVICE_RECOVERY:" + caseId;
    }

    /** @return the points the customer got for this case (also when booked before), 0 when no rule grants any */
    @Transactional(propagation = Propagation.MANDATORY)
    public int credit(String caseId) {
        var serviceCase = cases.find(caseId).orElseThrow(() -> new IllegalStateException("no case " + caseId));
        var customer = customers.find(serviceCase.customerId()).orElseThrow();
        var yearStart = LocalDate.now(clock.withZone(EngineClock.ZONE)).withDayOfYear(1).atStartOfDay(EngineClock.ZONE)
                .toOffsetDateTime();
        var decision = offers.reward(customer, RewardEvent.RESOLUTION_BREACHED,
                ledger.timesCredited(customer.id(), "SERVICE_RECOVERY", yearStart),
                DecisionService.Subject.caseOf(caseId, customer.id()));
        var reward = decision.output().reward();
        if (reward == null) {
            return 0;
        }
        int points = decision.output().rewardPoints();
        ledger.credit(customer.id(), reward, points, entryKey(caseId), "resolution clock breached on " + caseId,
                caseId, decision.id());
        outbox.enqueue(caseId, NotificationTemplate.SERVICE_RECOVERY_REWARD, "1", Map.of("points", points));
        return points;
    }

    /** When the reward was credited (for reports and tests). */
    public boolean credited(String caseId) {
        return ledger.exists(entryKey(caseId));
    }
}
