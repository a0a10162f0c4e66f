package com.gridcare.profile;

import com.gridcare.customer.Area;
import com.gridcare.customer.ContactMasking;
import com.gridcare.customer.CustomerCases;
import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.CustomerEvaluator;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.customer.CustomerService;
import com.gridcare.customer.PreferredChannel;
import com.gridcare.customer.Tier;


import com.gridcare.offers.OfferEligibility;
import com.gridcare.points.PointsLedger;
import com.gridcare.rules.runtime.CustomerDecisions;
import com.gridcare.rules.runtime.DecisionService;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/** The customer profile that staff and channels see; contact data masked. */
@Service
public class CustomerProfiles {

    public record Profile(String id, String name, CustomerClass customerClass, Area area,
            PreferredChannel preferredChannel, String phone, String email, String address, Tier tier,
            Set<String> flags, Set<String> segments, BigDecimal annualKwh, double onTimePaymentShare,
            LocalDate contractStart, OffsetDateTime evaluatedAt, List<CustomerCases.OpenCase> openCases, List<CurrentOffer> offers,
            double discountPercent, int pointsBalance, String offersDecisionId, String tierReason,
            List<PointsLedger.Entry> recentPoints, String feederId, String transformerArea) {}

    /** A standing offer the offer rules grant the customer now: a discount in percent or points per period. */
    public record CurrentOffer(String code, double percent, int points, String frequency, String rule) {}

    /** How many of the latest points bookings the profile lists. */
    private static final int RECENT_POINTS = 5;

    private final CustomerService service;
    private final CustomerRepository customers;
    private final CustomerCases cases;
    private final Clock clock;
    private final OfferEligibility offerEligibility;
    private final PointsLedger ledger;
    private final CustomerDecisions decisions;

    CustomerProfiles(CustomerService service, CustomerRepository customers, CustomerCases cases, Clock clock,
            OfferEligibility offerEligibility, PointsLedger ledger, CustomerDecisions decisions) {
        this.decisions = decisions;
        this.offerEligibility = offerEligibility;
        this.ledger = ledger;
        this.service = service;
        this.customers = customers;
        this.cases = cases;
        this.clock = clock;
    }

    public Profile profile(String id) {
        var customer = service.get(id);
        var history = customers.history(id, LocalDate.now(clock));
        var offers = offerEligibility.eligibleOffers(customer, ledger.offersCredited(id),
                DecisionService.Subject.customer(id));
        var open = cases.open(id);
        return new Profile(customer.id(), customer.name(), customer.customerClass(), customer.area(),
                customer.preferredChannel(), ContactMasking.phone(customer.phone()),
                ContactMasking.email(customer.email()), ContactMasking.address(customer.address()), customer.tier(),
                customer.flags(), customer.segments(), BigDecimal.valueOf(history.annualKwh()),
                history.onTimePaymentShare(), customer.contractStart(), customer.evaluatedAt(), open,
                offers.output().offers().stream().filter(o -> o.isGranted() && !o.isReward())
                        .map(o -> new CurrentOffer(o.getCode(), o.getPercent(), o.getPoints(),
                                o.getFrequency() == null ? null : o.getFrequency().name(), o.getRule()))
                        .toList(),
                offers.output().discountPercent(), ledger.balance(id), offers.id(),
                decisions.latest(id, CustomerEvaluator.DECISION_KIND).map(CustomerDecisions.Logged::explanation)
                        .orElse(null),
                ledger.entries(id, RECENT_POINTS), customer.feederId(), customer.transformerArea());
    }
}
