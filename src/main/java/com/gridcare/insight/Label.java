package com.gridcare.insight;

/** A text in English and Chinese. */
public record Label(String en, String zh) {

    /** "English / 中文", the workbook's headers. */
    public String both() {
        return en + " / " + zh;
    }
}
