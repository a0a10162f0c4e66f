package com.gridcare.offers;

import com.gridcare.rules.runtime.RulePackage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The offer rules' answer: every offer a row granted, with replacements (LOYALTY_10Y replaces
 * LOYALTY_5Y), the arrears exclusion of percent discounts and the cap on their sum applied,
 * whatever order the rules fired in.
 */
public class Offers {

    private final Map<String, Offer> offered = new LinkedHashMap<>();
    private String exclusionRule;
    private Double capPercent;
    private String capRule;

    Offer offer(String code, String rule) {
        return offered.computeIfAbsent(code, c -> new Offer(c, rule));
    }

    void excludePercentDiscounts(String rule) {
        exclusionRule = rule;
    }

    void capPercentDiscounts(double max, String rule) {
        if (capPercent == null || max < capPercent) {
            capPercent = max;
            capRule = rule;
        }
    }

    /** Every offer a rule made, with its status after replacements and exclusions. */
    public List<Offer> all() {
        var offers = new ArrayList<>(offered.values());
        for (var offer : offers) {
            offer.withdraw(Offer.Status.GRANTED, null);
        }
        for (var offer : offers) {
            if (offer.getReplaces() != null && offered.containsKey(offer.getReplaces())) {
                offered.get(offer.getReplaces()).withdraw(Offer.Status.REPLACED, "replaced by " + offer.getCode());
            }
        }
        if (exclusionRule != null) {
            for (var offer : offers) {
                if (offer.isGranted() && offer.getPercent() > 0 && offer.getPoints() == 0) {
                    offer.withdraw(Offer.Status.EXCLUDED, exclusionRule);
                }
            }
        }
        return offers;
    }

    /** Granted standing offers (discounts and periodic points), not event rewards. */
    public List<Offer> standing() {
        return all().stream().filter(o -> o.isGranted() && !o.isReward()).toList();
    }

    /** The reward granted for the event the rules were asked about, if any. */
    public Optional<Offer> reward() {
        return all().stream().filter(o -> o.isGranted() && o.isReward()).findFirst();
    }

    /** The discount on the next bill: granted percents, none under the exclusion, at most the cap. */
    public double discountPercent() {
        double sum = exclusionRule != null ? 0 : standing().stream().mapToDouble(Offer::getPercent).sum();
        return capPercent == null ? sum : Math.min(capPercent, sum);
    }

    /** The discount of a single offer after the cap: percents fill up to the cap in the order granted. */
    public double percentOf(String code) {
        if (exclusionRule != null) return 0;
        double left = capPercent == null ? Double.MAX_VALUE : capPercent;
        for (var offer : standing()) {
            double given = Math.min(left, offer.getPercent());
            if (offer.getCode().equals(code)) return given;
            left -= given;
        }
        return 0;
    }

    public boolean isCapped() {
        return capPercent != null && exclusionRule == null
                && standing().stream().mapToDouble(Offer::getPercent).sum() > capPercent;
    }

    public String getExclusionRule() { return exclusionRule; }
    public String getCapRule() { return capRule; }

    /** "LOYALTY_10Y 3 % by row 3 '…', GREEN_PLAN 200 points every quarter by row 5 '…'; LOYALTY_5Y replaced …; discount 3 %". */
    public String explain(RulePackage rules) {
        var parts = new ArrayList<String>();
        for (var offer : all()) {
            var what = offer.getCode() + describeAmount(offer) + " by " + rules.describe(offer.getRule());
            parts.add(offer.isGranted() ? what : offer.getCode() + " " + offer.getReason());
        }
        var sb = new StringBuilder(parts.isEmpty() ? "no offers" : "offers " + String.join(", ", parts));
        if (exclusionRule != null) sb.append("; no percent discount: ").append(rules.describe(exclusionRule));
        sb.append("; discount ").append(trim(discountPercent())).append(" %");
        if (isCapped()) sb.append(" (capped by ").append(rules.describe(capRule)).append(')');
        return sb.toString();
    }

    static String describeAmount(Offer offer) {
        var sb = new StringBuilder();
        if (offer.getPercent() > 0) sb.append(' ').append(trim(offer.getPercent())).append(" %");
        if (offer.getPoints() > 0) {
            sb.append(' ').append(offer.getPoints()).append(" points");
            if (offer.getFrequency() == OfferFrequency.EVERY_QUARTER) sb.append(" every quarter");
        }
        return sb.toString();
    }

    static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
