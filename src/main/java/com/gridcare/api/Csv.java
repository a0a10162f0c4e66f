package com.gridcare.api;

import java.math.BigDecimal;

/**
 * Every CSV file GridCare writes (report downloads, rule simulations) goes through here: RFC 4180
 * quoting, and text that a spreadsheet would run as a formula ({@code = + - @}, tab, carriage return
 * first) is written with a leading apostrophe, so that a customer's name like {@code =HYPERLINK(...)}
 * arrives in Excel as text. Numbers are written as numbers (a negative amount keeps its minus).
 */
public final class Csv {

    private final StringBuilder out = new StringBuilder();

    private Csv() {}

    /** An empty file. */
    public static Csv create() {
        return new Csv();
    }

    /** An empty line (between the blocks of a file of several tables). */
    public Csv blankLine() {
        out.append("\r\n");
        return this;
    }

    /** A file whose first line names the columns. */
    public static Csv withHeader(String... columns) {
        return new Csv().row((Object[]) columns);
    }

    /** One line; {@code null} is an empty cell. */
    public Csv row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) out.append(',');
            out.append(cell(values[i]));
        }
        out.append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** One cell as written: formula-safe, quoted when needed. */
    public static String cell(Object value) {
        if (value == null) return "";
        if (value instanceof BigDecimal decimal) return decimal.toPlainString();
        if (value instanceof Number || value instanceof Boolean) return value.toString();
        var text = SpreadsheetText.safe(value.toString());
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
