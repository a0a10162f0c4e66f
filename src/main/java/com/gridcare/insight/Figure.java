package com.gridcare.insight;

/**
 * A column of figures. How the facts' numbers make a row's figure:
 * <ul>
 * <li>{@link Kind#COUNT}: the sum of the facts' 0 or 1; its cases are the facts with 1,</li>
 * <li>{@link Kind#SUM}: the sum (money, 2 decimals); its cases are the facts with an amount,</li>
 * <li>{@link Kind#AVERAGE}: the mean of the facts that have a number (not {@code NaN}), 1 decimal,</li>
 * <li>{@link Kind#SHARE}: {@code numerator ÷ denominator} of two COUNT figures of the row, 3 decimals;
 * its cases are the numerator's.</li>
 * </ul>
 */
public record Figure(String key, Label label, Kind kind, String numerator, String denominator) {

    public enum Kind { COUNT, SUM, AVERAGE, SHARE }

    public static Figure count(String key, String en, String zh) {
        return new Figure(key, new Label(en, zh), Kind.COUNT, null, null);
    }

    public static Figure sum(String key, String en, String zh) {
        return new Figure(key, new Label(en, zh), Kind.SUM, null, null);
    }

    public static Figure average(String key, String en, String zh) {
        return new Figure(key, new Label(en, zh), Kind.AVERAGE, null, null);
    }

    public static Figure share(String key, String en, String zh, String numerator, String denominator) {
        return new Figure(key, new Label(en, zh), Kind.SHARE, numerator, denominator);
    }
}
