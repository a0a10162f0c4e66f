package com.gridcare.customer;

/** A tier rule (a row of the tier table) that matched; the highest match becomes the tier. */
public class TierMatch {

    private final Tier tier;
    private final String rule;

    public TierMatch(Tier tier, String rule) {
        this.tier = tier;
        this.rule = rule;
    }

    public Tier getTier() { return tier; }
    public int getRank() { return tier.ordinal(); }
    public String getRule() { return rule; }
}
