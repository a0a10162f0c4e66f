package com.gridcare.offers;

import com.gridcare.contract.Contracts;
import com.gridcare.customer.Customer;
import com.gridcare.customer.CustomerEvaluator;
import com.gridcare.customer.CustomerFacts;
import com.gridcare.customer.Tier;
import com.gridcare.rules.runtime.Decision;
import com.gridcare.rules.runtime.DecisionService;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Decides a customer's offers with the offer rules ({@code rules/offers}) and records the decision:
 * the standing offers (discounts and periodic points), and — asked when an event happens — whether a
 * reward may be credited now. The points ledger that credits them says how often a reward was
 * already credited this year and which once-only offers were already had.
 */
@Service
public class OfferEligibility {

    public static final String RULE_PACKAGE = "offers";
    public static final String OFFERS_KIND = "OFFER_ELIGIBILITY";
    public static final String REWARD_KIND = "REWARD_ELIGIBILITY";

    /** The recorded answer: every offer a rule made (with its status), the discount and the reward. */
    public record OfferSummary(List<Offer> offers, double discountPercent, int quarterlyPoints, String reward,
            int rewardPoints) {

        static OfferSummary of(OfferFacts facts) {
            return new OfferSummary(facts.getResult().all(), facts.getDiscountPercent(), facts.getQuarterlyPoints(),
                    facts.getReward(), facts.getRewardPoints());
        }

        public List<String> granted() {
            return offers.stream().filter(o -> o.isGranted() && !o.isReward()).map(Offer::getCode).toList();
        }
    }

    private final CustomerEvaluator evaluator;
    private final DecisionService decisions;
    private final Contracts contracts;
    private final Clock clock;
    private final OfferGrants grants;

    OfferEligibility(CustomerEvaluator evaluator, DecisionService decisions, Contracts contracts, Clock clock,
            OfferGrants grants) {
        this.grants = grants;
        this.evaluator = evaluator;
        this.decisions = decisions;
        this.contracts = contracts;
        this.clock = clock;
    }

    /**
     * The offer rules' view of a stored customer: the contract term is that of the contracts GridCare
     * keeps (renewals and losses included) when it keeps any, else the billing system's.
     */
    private OfferFacts factsOf(Customer customer, Set<String> redeemedOffers) {
        var facts = facts(evaluator.facts(customer), tier(customer), redeemedOffers);
        contracts.termYearsForOffers(customer.id(), LocalDate.now(clock)).ifPresent(facts::setContractTermYears);
        return facts;
    }

    /** The offer rules' view of a customer, from the customer rules' view and tier. */
    public static OfferFacts facts(CustomerFacts customer, Tier tier, Set<String> redeemedOffers) {
        var facts = new OfferFacts();
        facts.setCustomerId(customer.getCustomerId());
        facts.setTier(tier);
        facts.setCustomerClass(customer.getCustomerClass());
        facts.setTenureYears(customer.getTenureYears());
        facts.setMonthsAsCustomer(customer.getMonthsAsCustomer());
        facts.setOnTimePaymentShare(customer.getOnTimePaymentShare());
        facts.setContractTermYears(customer.getContractTermYears());
        facts.setGreenPlan(customer.isGreenPlan());
        facts.setArrearsOver90Days(customer.isArrearsOver90Days());
        facts.setRedeemedOffers(redeemedOffers);
        return facts;
    }

    /**
     * The customer's standing offers now.
     *
     * @param redeemedOffers once-only offers the customer already had (from the ledger)
     */
    public Decision<OfferSummary> eligibleOffers(Customer customer, Set<String> redeemedOffers,
            DecisionService.Subject subject) {
        var facts = factsOf(customer, redeemedOffers);
        var decision = decisions.decide(OFFERS_KIND, RULE_PACKAGE, subject, facts, OfferSummary::of,
                (f, rules) -> f.getResult().explain(rules));
        var result = facts.getResult();
        grants.record(customer.id(), facts.getTier() == null ? null : facts.getTier().name(), result.standing().stream()
                        .map(o -> new OfferGrants.Granted(o.getCode(), java.math.BigDecimal.valueOf(result.percentOf(o.getCode()))
                                .setScale(2, java.math.RoundingMode.HALF_UP), o.getPoints()))
                        .toList(),
                decision.id(), java.time.OffsetDateTime.now(clock));
        return decision;
    }

    /**
     * May this customer be credited a reward for this event now? The answer names the reward and its points,
     * or no reward when no row grants one (e.g. SURVEY_THANKS already credited 4 times this year).
     *
     * @param creditedThisYear how many times this event's reward was already credited this calendar year
     */
    public Decision<OfferSummary> reward(Customer customer, RewardEvent event, int creditedThisYear,
            DecisionService.Subject subject) {
        var facts = factsOf(customer, Set.of());
        facts.setEvent(event);
        facts.setCreditedThisYear(creditedThisYear);
        return decisions.decide(REWARD_KIND, RULE_PACKAGE, subject, facts, OfferSummary::of,
                (f, rules) -> f.getResult().reward()
                        .map(r -> r.getCode() + " " + r.getPoints() + " points for " + event + " by " + rules.describe(r.getRule()))
                        .orElse("no reward for " + event + ": no row grants one (already credited " + creditedThisYear
                                + " this year)"));
    }

    private Tier tier(Customer customer) {
        return customer.tier() != null ? customer.tier()
                : evaluator.evaluate(customer, DecisionService.Subject.customer(customer.id())).evaluation().getTier();
    }
}
