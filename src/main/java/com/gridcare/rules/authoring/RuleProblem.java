package com.gridcare.rules.authoring;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One thing wrong with a rule file, said so that the person who edits the file can find and fix
 * it: the file (relative to {@code rules/}), for a spreadsheet the sheet, row and column letter as
 * the spreadsheet program shows them, for a text file the line and column.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleProblem(String file, String sheet, Integer row, String column, Integer line, String message) {

    public static RuleProblem inFile(String file, String message) {
        return new RuleProblem(file, null, null, null, null, message);
    }

    /** @param row 1-based row; @param column 0-based column index, or -1 when unknown */
    public static RuleProblem atCell(String file, String sheet, int row, int column, String message) {
        return new RuleProblem(file, sheet, row, column < 0 ? null : columnLetter(column), null, message);
    }

    public static RuleProblem atLine(String file, int line, int column, String message) {
        return new RuleProblem(file, null, null, column > 0 ? String.valueOf(column) : null, line > 0 ? line : null,
                message);
    }

    /** The cell as a spreadsheet names it, e.g. {@code C12}; null when this is not a cell. */
    public String getCell() {
        return row != null && column != null && sheet != null ? column + row : null;
    }

    public static String columnLetter(int index) {
        var sb = new StringBuilder();
        for (int n = index + 1; n > 0; n = (n - 1) / 26) {
            sb.insert(0, (char) ('A' + (n - 1) % 26));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        var where = new StringBuilder(file == null ? "" : file);
        if (sheet != null) where.append(", sheet '").append(sheet).append('\'');
        if (row != null) where.append(", row ").append(row);
        if (sheet != null && column != null) where.append(", column ").append(column);
        if (line != null) where.append(", line ").append(line);
        if (sheet == null && column != null) where.append(", column ").append(column);
        return where + ": " + message;
    }
}
