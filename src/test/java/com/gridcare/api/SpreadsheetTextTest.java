package com.gridcare.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** What GridCare writes for spreadsheets never runs as a formula: CSV cells and xlsx cells alike. */
class SpreadsheetTextTest {

    @Test
    void csvCellsThatWouldStartAFormulaGetAnApostrophe() {
        assertThat(Csv.cell("=HYPERLINK(\"http://evil.example\",\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
        assertThat(Csv.cell("+1+cmd|' /C calc'!A0")).isEqualTo("'+1+cmd|' /C calc'!A0");
        assertThat(Csv.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(Csv.cell("\r=1")).isEqualTo("\"'\r=1\"");
        assertThat(Csv.cell("Wang, Li")).isEqualTo("\"Wang, Li\"");
        assertThat(Csv.cell("a = b")).isEqualTo("a = b");
        assertThat(Csv.cell(null)).isEmpty();
        assertThat(Csv.cell("")).isEmpty();
    }

    @Test
    void numbersStayNumbers() {
        assertThat(Csv.cell(new BigDecimal("-3.50"))).isEqualTo("-3.50");
        assertThat(Csv.cell(-7)).isEqualTo("-7");
        assertThat(Csv.withHeader("a", "b").row(1, "=x").toString()).isEqualTo("a,b\r\n1,'=x\r\n");
    }

    @Test
    void xlsxTextIsAStringCellEvenWhenItLooksLikeAFormula() throws IOException {
        var out = new ByteArrayOutputStream();
        try (var workbook = new XSSFWorkbook()) {
            var cell = workbook.createSheet("s").createRow(0).createCell(0);
            cell.setCellFormula("1+1");
            SpreadsheetText.set(cell, "=HYPERLINK(\"http://evil.example\")");
            workbook.write(out);
        }
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            var cell = workbook.getSheetAt(0).getRow(0).getCell(0);
            assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil.example\")");
        }
    }
}
