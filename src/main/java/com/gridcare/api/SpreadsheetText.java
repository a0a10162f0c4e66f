package com.gridcare.api;

import org.apache.poi.ss.usermodel.Cell;

/**
 * Text that leaves GridCare for a spreadsheet, CSV or xlsx: never a formula. A CSV cell starting with
 * {@code = + - @} (or a tab or carriage return before one) is run by Excel and LibreOffice as a formula
 * (CSV injection), so it gets a leading apostrophe; an xlsx cell is written as a string cell, which is
 * never calculated, whatever it starts with.
 */
public final class SpreadsheetText {

    private SpreadsheetText() {}

    /** The text for a CSV cell. */
    public static String safe(String text) {
        if (text == null || text.isEmpty()) return text;
        return "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** Writes text into an xlsx cell as a string, never a formula. */
    public static void set(Cell cell, String text) {
        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) cell.removeFormula();
        cell.setBlank();
        cell.setCellValue(text);
    }
}
