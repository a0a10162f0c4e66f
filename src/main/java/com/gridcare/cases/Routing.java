package com.gridcare.cases;

import java.util.ArrayList;
import java.util.List;

/**
 * The routing rules' result for a case: the group that works it, its priority (at most 100) and
 * the rules that decided both, in words.
 */
public class Routing {

    public static final int MAX_PRIORITY = 100;

    private String group;
    private int basePriority;
    private String routeRule;
    private String overrideGroup;
    private String overrideRule;
    private final List<String> raises = new ArrayList<>();
    private int raisedBy;

    /** A routing row matched: group and base priority. */
    public void route(String group, int basePriority, String rule) {
        this.group = group;
        this.basePriority = basePriority;
        this.routeRule = rule;
    }

    /** A rule that overrides the routed group (e.g. the third repeat goes to supervisors). */
    public void overrideGroup(String group, String rule) {
        this.overrideGroup = group;
        this.overrideRule = rule;
    }

    public void raise(int points, String rule) {
        raisedBy += points;
        raises.add(rule);
    }

    public String getGroup() {
        return overrideGroup != null ? overrideGroup : group;
    }

    public int getPriority() {
        return Math.min(MAX_PRIORITY, basePriority + raisedBy);
    }

    public boolean isRouted() {
        return group != null;
    }

    public String getRouteRule() { return routeRule; }
    public String getOverrideRule() { return overrideRule; }
    public List<String> getRaises() { return raises; }
    public int getBasePriority() { return basePriority; }

    /** "Routed to key-accounts by 'BILLING, KEY/STRATEGIC'; priority 85 (75 + 10: STRATEGIC customer)". */
    public String explain() {
        var sb = new StringBuilder("Routed to ").append(getGroup()).append(" by '").append(routeRule).append('\'');
        if (overrideRule != null) sb.append(", then '").append(overrideRule).append('\'');
        sb.append("; priority ").append(getPriority());
        if (!raises.isEmpty()) {
            sb.append(" (").append(basePriority).append(" raised by: ").append(String.join("; ", raises)).append(')');
        }
        return sb.toString();
    }
}
