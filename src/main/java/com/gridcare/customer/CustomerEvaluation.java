package com.gridcare.customer;

import java.util.Set;
import java.util.TreeSet;

/** The customer rules' result: tier (and the rule that gave it), flags and segments. */
public class CustomerEvaluation {

    private Tier tier;
    private String tierRule;
    private final Set<String> flags = new TreeSet<>();
    private final Set<String> segments = new TreeSet<>();

    public Tier getTier() { return tier; }
    public String getTierRule() { return tierRule; }
    public Set<String> getFlags() { return flags; }
    public Set<String> getSegments() { return segments; }

    public void setTier(Tier tier, String rule) {
        this.tier = tier;
        this.tierRule = rule;
    }

    public void addFlag(String flag) { flags.add(flag); }
    public void addSegment(String segment) { segments.add(segment); }

    public boolean hasFlag(String flag) { return flags.contains(flag); }

    /** "tier KEY because KEY: non-residential, ≥ 1 GWh a year (2.3 GWh)". */
    public String explain(CustomerFacts facts) {
        return "tier " + tier + " because " + tierRule + " (" + String.format("%.2f GWh a year, %s kV, %s kVA",
                facts.getAnnualKwh() / 1_000_000, trim(facts.getSupplyVoltageKv()),
                trim(facts.getContractedCapacityKva())) + ")";
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
