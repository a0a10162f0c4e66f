package com.gridcare.rules.authoring;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Edits cells of a rule spreadsheet the way an analyst would, for tests. */
public final class Spreadsheets {

    private Spreadsheets() {
    }

    public static byte[] read(String pathInRules) {
        try {
            return Files.readAllBytes(Path.of("rules", pathInRules));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workbook with the cell (e.g. "C12") set to the text, or emptied when the text is null. */
    public static byte[] set(byte[] xlsx, String cell, String text) {
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); var out = new ByteArrayOutputStream()) {
            var ref = new CellReference(cell);
            var sheet = workbook.getSheetAt(0);
            var row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
            var c = row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
            if (text == null) {
                row.removeCell(c);
            } else {
                c.setCellValue(text);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-sheet workbook of text cells, row by row (null for an empty cell). */
    public static byte[] of(String[]... rows) {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Examples");
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] != null) row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workbook with a number in the cell. */
    public static byte[] setNumber(byte[] xlsx, String cell, double value) {
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); var out = new ByteArrayOutputStream()) {
            var ref = new CellReference(cell);
            var sheet = workbook.getSheetAt(0);
            var row = sheet.getRow(ref.getRow());
            var c = row.getCell(ref.getCol()) == null ? row.createCell(ref.getCol()) : row.getCell(ref.getCol());
            c.setCellValue(value);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
