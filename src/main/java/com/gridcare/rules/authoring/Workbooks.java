package com.gridcare.rules.authoring;

import com.gridcare.api.SpreadsheetText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.xssf.usermodel.XSSFCell;

/**
 * Opens a rule workbook someone uploaded or saved, within bounds: an .xlsx is unpacked once as a
 * stream, counting, and refused above {@value #MAX_UNPACKED_MB} MB (a zip bomb, a sheet of a million
 * rows) before a spreadsheet model is built from it; formulas are never calculated, a formula counts
 * with the value the spreadsheet program saved with it (LibreOffice saves edited yes/no cells as TRUE()/FALSE()),
 * and one without a saved value is refused naming its cell. Numbers are read as they are, whatever
 * format the sheet shows them in: 10000000 shown as "10,000,000 kWh" is read as 10000000.
 */
public final class Workbooks {

    static final int MAX_UNPACKED_MB = 8;
    private static final long MAX_UNPACKED = MAX_UNPACKED_MB * 1024L * 1024L;
    private static final int MAX_ENTRIES = 1_000;

    private Workbooks() {
    }

    /**
     * @throws RuleBuildException naming the file (or the cell of a formula without saved value)
     * @throws IOException when it is no spreadsheet at all
     */
    static Workbook open(String file, byte[] bytes) throws IOException {
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K') checkUnpackedSize(file, bytes);
        var workbook = WorkbookFactory.create(new ByteArrayInputStream(bytes));
        try {
            savedValuesForFormulas(file, workbook);
            plainNumbers(workbook);
            return workbook;
        } catch (RuntimeException e) {
            workbook.close();
            throw e;
        }
    }

    private static void checkUnpackedSize(String file, byte[] bytes) throws IOException {
        long total = 0;
        int entries = 0;
        var buffer = new byte[64 * 1024];
        try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ENTRIES) throw refused(file, "it holds more than " + MAX_ENTRIES + " parts");
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > MAX_UNPACKED) {
                        throw refused(file, "it unpacks to more than " + MAX_UNPACKED_MB + " MB (part '" + entry.getName()
                                + "'); a rule workbook holds hundreds of rows, not a million, and this may be a zip bomb");
                    }
                }
            }
        } catch (ZipException e) {
            throw new IOException("not a readable .xlsx package: " + e.getMessage(), e);
        }
    }

    private static void savedValuesForFormulas(String file, Workbook workbook) {
        var problems = new ArrayList<RuleProblem>();
        for (var sheet : workbook) {
            for (var row : sheet) {
                for (var cell : row) {
                    if (cell.getCellType() != CellType.FORMULA) continue;
                    if (!hasSavedValue(cell)) {
                        problems.add(RuleProblem.atCell(file, sheet.getSheetName(), row.getRowNum() + 1, cell.getColumnIndex(),
                                "a formula (=" + cell.getCellFormula() + ") without a value saved with it: GridCare does "
                                        + "not calculate formulas; type the value itself"));
                        continue;
                    }
                    if (cell.getCachedFormulaResultType() == CellType.ERROR) {
                        problems.add(RuleProblem.atCell(file, sheet.getSheetName(), row.getRowNum() + 1, cell.getColumnIndex(),
                                "the formula (=" + cell.getCellFormula() + ") ends in the error "
                                        + FormulaError.forInt(cell.getErrorCellValue()).getString() + ": type the value itself"));
                        continue;
                    }
                    savedValue(cell);
                }
            }
        }
        if (!problems.isEmpty()) throw new RuleBuildException(problems);
    }

    /**
     * Drools reads a whole number through the cell's display format: the copy in memory shows numbers in
     * the General format, so that a unit or thousands separator shown to the analyst never reaches a rule.
     */
    private static void plainNumbers(Workbook workbook) {
        var general = new HashMap<Integer, CellStyle>();
        for (var sheet : workbook) {
            for (var row : sheet) {
                for (var cell : row) {
                    if (cell.getCellType() != CellType.NUMERIC || DateUtil.isCellDateFormatted(cell)
                            || cell.getCellStyle().getDataFormat() == 0) {
                        continue;
                    }
                    cell.setCellStyle(general.computeIfAbsent((int) cell.getCellStyle().getIndex(), i -> {
                        var style = workbook.createCellStyle();
                        style.cloneStyleFrom(cell.getCellStyle());
                        style.setDataFormat((short) 0);
                        return style;
                    }));
                }
            }
        }
    }

    /** The cell holds its saved result instead of the formula (typed as saved: LibreOffice's FALSE() stays a boolean). */
    private static void savedValue(Cell cell) {
        var formula = cell.getCellFormula().replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        if (formula.equals("TRUE()") || formula.equals("FALSE()") || formula.equals("TRUE") || formula.equals("FALSE")) {
            // LibreOffice saves a yes/no cell it edited as the formula TRUE() or FALSE() with a number as its value
            cell.removeFormula();
            cell.setCellValue(formula.startsWith("TRUE"));
            return;
        }
        switch (cell.getCachedFormulaResultType()) {
            case BOOLEAN -> {
                var value = cell.getBooleanCellValue();
                cell.removeFormula();
                cell.setCellValue(value);
            }
            case NUMERIC -> {
                var value = cell.getNumericCellValue();
                cell.removeFormula();
                cell.setCellValue(value);
            }
            default -> SpreadsheetText.set(cell, cell.getStringCellValue());
        }
    }

    private static boolean hasSavedValue(Cell cell) {
        return !(cell instanceof XSSFCell xssf) || xssf.getCTCell().isSetV();
    }

    private static RuleBuildException refused(String file, String why) {
        return new RuleBuildException(java.util.List.of(RuleProblem.inFile(file, "refused: " + why)));
    }
}
