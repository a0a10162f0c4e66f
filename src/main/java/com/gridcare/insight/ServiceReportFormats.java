package com.gridcare.insight;

import com.gridcare.api.Csv;
import com.gridcare.api.SpreadsheetText;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** The monthly service report as CSV (one block per section) and as a workbook (one sheet per section). */
final class ServiceReportFormats {

    static String csv(ServiceReport.Report report) {
        var out = Csv.create();
        for (var section : report.sections()) {
            out.row("# " + section.id(), section.title().en(), section.title().zh());
            var header = new java.util.ArrayList<Object>();
            section.dimensions().forEach(c -> header.add(c.key()));
            section.figures().forEach(c -> header.add(c.key()));
            out.row(header.toArray());
            for (var row : section.rows()) {
                var cells = new java.util.ArrayList<Object>(row.keys());
                cells.addAll(row.figures());
                out.row(cells.toArray());
            }
            out.blankLine();
        }
        return out.toString();
    }

    /**
     * One sheet per section named by its English title; row 1 the title in both languages and the month, row 2
     * the headers in English, row 3 in Chinese, then the figures as numbers. Streamed (SXSSF): a workbook of
     * many rows holds only a window of them in memory.
     */
    static byte[] xlsx(ServiceReport.Report report) {
        try (var workbook = new SXSSFWorkbook(200)) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            for (var section : report.sections()) {
                var sheet = workbook.createSheet(sheetName(section.title().en()));
                var title = sheet.createRow(0);
                SpreadsheetText.set(title.createCell(0), section.title().both() + " — " + report.month()
                        + (report.group() == null ? "" : " — " + report.group())
                        + (report.category() == null ? "" : " — " + report.category())
                        + (report.tier() == null ? "" : " — " + report.tier())
                        + (report.channel() == null ? "" : " — " + report.channel()));
                title.getCell(0).setCellStyle(header);
                var en = sheet.createRow(1);
                var zh = sheet.createRow(2);
                int c = 0;
                for (var column : section.dimensions()) {
                    SpreadsheetText.set(en.createCell(c), column.en());
                    SpreadsheetText.set(zh.createCell(c++), column.zh());
                }
                for (var column : section.figures()) {
                    SpreadsheetText.set(en.createCell(c), column.en());
                    SpreadsheetText.set(zh.createCell(c++), column.zh());
                }
                for (int i = 0; i < c; i++) {
                    en.getCell(i).setCellStyle(header);
                    zh.getCell(i).setCellStyle(header);
                    sheet.setColumnWidth(i, 20 * 256);
                }
                int r = 3;
                for (var row : section.rows()) {
                    var line = sheet.createRow(r++);
                    int k = 0;
                    for (var key : row.keys()) SpreadsheetText.set(line.createCell(k++), key);
                    for (BigDecimal v : row.figures()) {
                        var cell = line.createCell(k++);
                        if (v != null) cell.setCellValue(v.doubleValue());
                    }
                }
                sheet.createFreezePane(0, 3);
            }
            var out = new ByteArrayOutputStream();
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sheetName(String title) {
        var name = title.replaceAll("[\\\\/?*\\[\\]:]", " ");
        return name.length() > 31 ? name.substring(0, 31) : name;
    }

    private ServiceReportFormats() {
    }
}
