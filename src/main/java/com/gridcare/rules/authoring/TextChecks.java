package com.gridcare.rules.authoring;

/**
 * Characters that office programs and Chinese input methods put into rule files where code needs
 * plain ASCII: typographic quotes (“ ” ‘ ’ „ «»), and full-width forms (，（）＝＞＜ and digits).
 */
public final class TextChecks {

    private TextChecks() {
    }

    static boolean isTypographicQuote(char c) {
        return c == '\u201C' || c == '\u201D' || c == '\u2018' || c == '\u2019' || c == '\u201E' || c == '\u201A'
                || c == '\u00AB' || c == '\u00BB' || c == '\u2033' || c == '\u2032' || c == '\u300C' || c == '\u300D';
    }

    static boolean isFullWidth(char c) {
        return (c >= '\uFF01' && c <= '\uFF5E') || c == '\u3000' || c == '\u3001' || c == '\u3002';
    }

    /** Index of the first typographic quote, or -1. */
    static int typographic(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isTypographicQuote(text.charAt(i))) return i;
        }
        return -1;
    }

    static int fullWidth(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isFullWidth(text.charAt(i))) return i;
        }
        return -1;
    }

    static String typographicMessage(String text) {
        int i = typographic(text);
        char c = text.charAt(i);
        boolean single = c == '\u2018' || c == '\u2019' || c == '\u201A' || c == '\u2032';
        return "contains the typographic quote " + c + " — type a straight " + (single ? "'" : "\"")
                + " instead (your spreadsheet program may have replaced it: turn off \"smart quotes\" / AutoCorrect)";
    }

    static String fullWidthMessage(String text) {
        int i = fullWidth(text);
        char c = text.charAt(i);
        String plain = c == '\u3000' ? "a space" : c == '\u3001' || c == '\u3002' ? "',' or '.'"
                : "'" + (char) (c - 0xFEE0) + "'";
        return "contains the full-width character " + c + " — type " + plain + " instead (switch the input method to half-width / English)";
    }
}
