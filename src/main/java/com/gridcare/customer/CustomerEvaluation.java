package com.gridcare.customer;

import com.gridcare.rules.runtime.Because;
import com.gridcare.rules.runtime.RulePackage;
import java.util.Set;
import java.util.TreeSet;

/**
 * The customer rules' answer: tier (the highest tier any tier-table row proposes, and that row),
 * flags and segments.
 */
public class CustomerEvaluation {

    private Tier tier;
    private String tierRule;
    private final Set<String> flags = new TreeSet<>();
    private final Set<String> segments = new TreeSet<>();

    public Tier getTier() { return tier; }
    public String getTierRule() { return tierRule; }
    public Set<String> getFlags() { return flags; }
    public Set<String> getSegments() { return segments; }

    /** A row proposes a tier; the highest proposed tier wins, whatever order the rows fire in. */
    void propose(Tier proposed, String rule) {
        if (tier == null || proposed.compareTo(tier) > 0) {
            tier = proposed;
            tierRule = rule;
        }
    }

    void addFlag(String flag) { flags.add(flag); }
    void addSegment(String segment) { segments.add(segment); }

    public boolean hasFlag(String flag) { return flags.contains(flag); }

    /**
     * "tier KEY because 2.3 GWh ≥ 1 GWh", or with the row when it has no figures: "tier RESIDENTIAL
     * because row 6 'RESIDENTIAL: residential customer'".
     */
    public String explainTier(CustomerFacts facts, RulePackage rules) {
        if (tier == null) return "no tier";
        var figures = Because.comparisons(rules, tierRule, facts);
        return "tier " + tier + " because " + (figures.isEmpty() ? rules.describe(tierRule) : figures);
    }

    /** The tier sentence plus flags and segments, for the decision log. */
    public String explain(CustomerFacts facts, RulePackage rules) {
        return explainTier(facts, rules) + " (" + rules.describe(tierRule) + ")"
                + (flags.isEmpty() ? "" : "; flags " + String.join(", ", flags))
                + (segments.isEmpty() ? "" : "; segments " + String.join(", ", segments));
    }
}
