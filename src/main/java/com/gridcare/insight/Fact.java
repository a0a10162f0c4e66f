package com.gridcare.insight;

/**
 * One thing counted: a case (or a clock, an escalation… of a case), its values of the section's
 * dimensions in order ({@code null} for {@link Dimension#GROUP} or {@link Dimension#CATEGORY} to take the
 * case's), and one number per figure in order ({@code NaN} where an average has none; ignored for shares and
 * ratios). A fact of no case ({@code caseId} {@code null}: an outage, say) counts, but lists no case in a
 * drill-down and is left out when the report is filtered by group, category or channel. A fact of a customer
 * rather than a case ({@code customerId}: a tier move, an offer granted) lists that customer in a drill-down.
 */
public record Fact(String caseId, String customerId, String[] keys, double[] values) {

    public Fact(String caseId, String[] keys, double[] values) {
        this(caseId, null, keys, values);
    }

    public static Fact of(String caseId, String[] keys, double... values) {
        return new Fact(caseId, null, keys, values);
    }

    /** A fact of a customer, not of a case. */
    public static Fact ofCustomer(String customerId, String[] keys, double... values) {
        return new Fact(null, customerId, keys, values);
    }

    public static double flag(boolean b) {
        return b ? 1 : 0;
    }
}
