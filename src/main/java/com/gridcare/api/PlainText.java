package com.gridcare.api;

/**
 * Free text people type (summaries, reasons, search words): any characters but control characters
 * other than tab and line breaks, which no screen shows and PostgreSQL refuses (NUL) in text columns.
 */
public final class PlainText {

    public static final String PATTERN = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*$";
    public static final String MESSAGE = "must not contain control characters";

    private PlainText() {
    }

    public static boolean isPlain(String text) {
        return text.matches("(?s)" + PATTERN);
    }
}
