package com.gridcare.insight;

/** What a section's rows are broken down by: the key of the column and its header. */
public record Dimension(String key, Label label) {

    /** The group the case is routed to ({@code service_case.assigned_group}). */
    public static final Dimension GROUP = new Dimension("group", new Label("Group", "处理组"));
    /** The case's category (complaint category or service request type). */
    public static final Dimension CATEGORY = new Dimension("category", new Label("Category", "类别"));
    /** A customer tier: the report's {@code tier} filter keeps the facts of no case whose tier this is. */
    public static final Dimension TIER = new Dimension("tier", new Label("Tier", "客户等级"));

    public static Dimension of(String key, String en, String zh) {
        return new Dimension(key, new Label(en, zh));
    }

    /** A tier dimension ({@code tier}, or a key ending in {@code Tier}: {@code fromTier}, {@code toTier}). */
    public boolean isTier() {
        return key.equals("tier") || key.endsWith("Tier");
    }
}
