package com.gridcare.offers;

import com.gridcare.customer.CustomerEvaluator;
import com.gridcare.customer.CustomerFacts;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.customer.Tier;
import com.gridcare.rules.runtime.DecisionService;
import com.gridcare.rules.runtime.RuleSet;
import com.gridcare.rules.publishing.RuleSimulator;
import com.gridcare.rules.publishing.SimulationReport;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * Every stored customer evaluated (tier, flags, segments, offers) with the current and the
 * candidate rules: a tier-to-tier matrix, offers gained and lost with the change in discount cost
 * (percent × the customer's billed amount over the last 12 months), and every change per customer.
 */
@Component
class CustomerSimulation implements RuleSimulator {

    private static final int PAGE = 1000;

    /** How one offer's grants change. */
    record OfferChange(String offer, int gained, int lost, BigDecimal discountCostChange) {}

    private final CustomerRepository customers;
    private final CustomerEvaluator evaluator;
    private final DecisionService decisions;

    CustomerSimulation(CustomerRepository customers, CustomerEvaluator evaluator, DecisionService decisions) {
        this.customers = customers;
        this.evaluator = evaluator;
        this.decisions = decisions;
    }

    @Override
    public String section() {
        return "customers";
    }

    @Override
    public Set<String> rulePackages() {
        return Set.of(CustomerEvaluator.RULE_PACKAGE, OfferEligibility.RULE_PACKAGE);
    }

    @Override
    public void simulate(RuleSet current, RuleSet candidate, Scope scope, SimulationReport report) {
        var matrix = new TreeMap<String, Map<String, Integer>>();
        var gained = new TreeMap<String, Integer>();
        var lost = new TreeMap<String, Integer>();
        var cost = new TreeMap<String, BigDecimal>();
        var totalCost = BigDecimal.ZERO;
        int evaluated = 0;
        int changed = 0;
        String after = null;
        while (true) {
            var page = customers.page(after, PAGE);
            if (page.isEmpty()) break;
            after = page.get(page.size() - 1).id();
            var histories = customers.historiesOfPage(page, scope.today());
            var before = evaluator.evaluateAll(current, page, histories, scope.today());
            var then = evaluator.evaluateAll(candidate, page, histories, scope.today());
            var offersBefore = offers(current, before);
            var offersThen = offers(candidate, then);
            for (int i = 0; i < page.size(); i++) {
                var id = page.get(i).id();
                var a = before.get(i);
                var b = then.get(i);
                var oa = offersBefore.get(i);
                var ob = offersThen.get(i);
                evaluated++;
                matrix.computeIfAbsent(name(a.getTier()), t -> new TreeMap<>()).merge(name(b.getTier()), 1, Integer::sum);
                int changesBefore = report.changes().size();
                compare(report, id, "tier", name(a.getTier()), name(b.getTier()));
                compare(report, id, "flags", String.join(", ", a.getFlags()), String.join(", ", b.getFlags()));
                compare(report, id, "segments", String.join(", ", a.getSegments()), String.join(", ", b.getSegments()));
                compare(report, id, "offers", String.join(", ", oa.getOffers()), String.join(", ", ob.getOffers()));
                compare(report, id, "discountPercent", Offers.trim(oa.getDiscountPercent()), Offers.trim(ob.getDiscountPercent()));
                compare(report, id, "quarterlyPoints", String.valueOf(oa.getQuarterlyPoints()), String.valueOf(ob.getQuarterlyPoints()));
                if (report.changes().size() > changesBefore) changed++;
                var billed = histories.get(id).annualBilled();
                var codes = new TreeSet<String>(oa.getOffers());
                codes.addAll(ob.getOffers());
                for (var code : codes) {
                    boolean had = oa.getOffers().contains(code);
                    boolean has = ob.getOffers().contains(code);
                    if (!had && has) gained.merge(code, 1, Integer::sum);
                    if (had && !has) lost.merge(code, 1, Integer::sum);
                    var delta = percentCost(ob.getResult().percentOf(code) - oa.getResult().percentOf(code), billed);
                    if (delta.signum() != 0) cost.merge(code, delta, BigDecimal::add);
                }
                totalCost = totalCost.add(percentCost(ob.getDiscountPercent() - oa.getDiscountPercent(), billed));
            }
        }
        var offerChanges = new ArrayList<OfferChange>();
        var codes = new TreeSet<String>(gained.keySet());
        codes.addAll(lost.keySet());
        codes.addAll(cost.keySet());
        for (var code : codes) {
            offerChanges.add(new OfferChange(code, gained.getOrDefault(code, 0), lost.getOrDefault(code, 0),
                    cost.getOrDefault(code, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP)));
        }
        var section = new LinkedHashMap<String, Object>();
        section.put("evaluated", evaluated);
        section.put("changed", changed);
        section.put("tierMatrix", matrix);
        section.put("offers", offerChanges);
        section.put("discountCostChange", totalCost.setScale(2, RoundingMode.HALF_UP));
        section.put("discountCostBasis", "percent × billed amount of the last 12 months, per year");
        report.section(section(), section);
    }

    private List<OfferFacts> offers(RuleSet ruleSet, List<CustomerFacts> evaluated) {
        var facts = evaluated.stream().map(f -> OfferEligibility.facts(f, f.getTier(), Set.of())).toList();
        decisions.runAll(ruleSet, OfferEligibility.RULE_PACKAGE, facts);
        return facts;
    }

    private static void compare(SimulationReport report, String customerId, String what, String before, String after) {
        if (!Objects.equals(before, after)) report.change("CUSTOMER", customerId, customerId, what, before, after);
    }

    private static BigDecimal percentCost(double percentDelta, BigDecimal billed) {
        return BigDecimal.valueOf(percentDelta).multiply(billed).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    private static String name(Tier tier) {
        return tier == null ? "(none)" : tier.name();
    }
}
