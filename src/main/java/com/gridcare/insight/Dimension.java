package com.gridcare.insight;

/** What a section's rows are broken down by: the key of the column and its header. */
public record Dimension(String key, Label label) {

    /** The group the case is routed to ({@code service_case.assigned_group}). */
    public static final Dimension GROUP = new Dimension("group", new Label("Group", "处理组"));
    /** The case's category (complaint category or service request type). */
    public static final Dimension CATEGORY = new Dimension("category", new Label("Category", "类别"));

    public static Dimension of(String key, String en, String zh) {
        return new Dimension(key, new Label(en, zh));
    }
}
