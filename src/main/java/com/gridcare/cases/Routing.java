package com.gridcare.cases;

import com.gridcare.rules.runtime.RulePackage;
import java.util.ArrayList;
import java.util.List;

/**
 * The routing rules' answer for a case: the group that works it, the group that does site work
 * (if any), its priority and the rules that decided them. Exactly one routing row may match: a
 * second one is a conflict that fails the decision, never a silent pick.
 */
public class Routing {

    /** A priority raise by a rule. */
    public record Raise(int points, String rule) {}

    private String group;
    private String routeRule;
    private String conflictingRule;
    private Integer basePriority;
    private String siteWorkGroup;
    private String overrideGroup;
    private String overrideRule;
    private final List<Raise> raises = new ArrayList<>();
    private Integer maxPriority;
    private String maxPriorityRule;

    /** A routing row matched: the group that works the case. */
    public void route(String group, String rule) {
        if (routeRule != null && !routeRule.equals(rule)) {
            conflictingRule = rule;
            return;
        }
        this.group = group;
        this.routeRule = rule;
    }

    public void basePriority(int priority) {
        this.basePriority = priority;
    }

    /** The group that does the site work, e.g. field-service for a low-voltage connection. */
    public void siteWork(String group) {
        this.siteWorkGroup = group;
    }

    /** A rule that overrides the routed group (e.g. the third complaint goes to supervisors). */
    public void override(String group, String rule) {
        this.overrideGroup = group;
        this.overrideRule = rule;
    }

    public void raise(int points, String rule) {
        raises.add(new Raise(points, rule));
    }

    /** The highest priority a case can have. */
    public void capPriority(int max, String rule) {
        if (maxPriority == null || max < maxPriority) {
            maxPriority = max;
            maxPriorityRule = rule;
        }
    }

    public String getGroup() {
        return overrideGroup != null ? overrideGroup : group;
    }

    public String getRoutedGroup() { return group; }
    public String getSiteWorkGroup() { return siteWorkGroup; }

    public int getPriority() {
        int raised = (basePriority == null ? 0 : basePriority) + raises.stream().mapToInt(Raise::points).sum();
        return maxPriority == null ? raised : Math.min(maxPriority, raised);
    }

    public boolean isRouted() {
        return group != null;
    }

    public String getRouteRule() { return routeRule; }
    public String getConflictingRule() { return conflictingRule; }
    public String getOverrideRule() { return overrideRule; }
    public List<Raise> getRaises() { return raises; }
    public Integer getBasePriority() { return basePriority; }
    public String getMaxPriorityRule() { return maxPriorityRule; }

    /**
     * "Routed to key-accounts by row 4 'BILLING, KEY/STRATEGIC'", with the rule that changed the group
     * and the site-work group when there are.
     */
    public String explainRoute(RulePackage rules) {
        if (!isRouted()) return "Not routed: no routing row matched";
        var sb = new StringBuilder("Routed to ").append(group).append(" by ").append(rules.describe(routeRule));
        if (overrideRule != null) {
            sb.append(", then to ").append(overrideGroup).append(" by ").append(rules.describe(overrideRule));
        }
        if (siteWorkGroup != null) sb.append(", site work by ").append(siteWorkGroup);
        return sb.toString();
    }

    /** "priority 85 = 75 + 10 (+10: STRATEGIC customer)", or "priority 50". */
    public String explainPriority() {
        var sb = new StringBuilder("priority ").append(getPriority());
        if (!raises.isEmpty()) {
            sb.append(" = ").append(basePriority);
            for (var raise : raises) sb.append(" + ").append(raise.points()).append(" (").append(raise.rule()).append(')');
            if (maxPriority != null && getPriority() == maxPriority) sb.append(", at most ").append(maxPriority);
        }
        return sb.toString();
    }
}
