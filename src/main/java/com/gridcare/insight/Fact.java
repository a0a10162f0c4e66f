package com.gridcare.insight;

/**
 * One thing counted: a case (or a clock, an escalation… of a case), its values of the section's
 * dimensions in order ({@code null} for {@link Dimension#GROUP} or {@link Dimension#CATEGORY} to take the
 * case's), and one number per figure in order ({@code NaN} where an average has none; ignored for shares).
 */
public record Fact(String caseId, String[] keys, double[] values) {

    public static Fact of(String caseId, String[] keys, double... values) {
        return new Fact(caseId, keys, values);
    }

    public static double flag(boolean b) {
        return b ? 1 : 0;
    }
}
