package com.gridcare.cases;

/** A routing-table row that matched: group and base priority, named by the row. */
public class RouteMatch {

    private final String group;
    private final int priority;
    private final String rule;

    public RouteMatch(String group, int priority, String rule) {
        this.group = group;
        this.priority = priority;
        this.rule = rule;
    }

    public String getGroup() { return group; }
    public int getPriority() { return priority; }
    public String getRule() { return rule; }
}
