package com.gridcare.rules.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.customer.Tier;
import com.gridcare.deployment.SourceFolder;
import com.gridcare.kernel.Groups;
import com.gridcare.rules.runtime.RuleModuleCache;
import com.gridcare.rules.publishing.RuleValidation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The look of the rule workbooks, read back with Apache POI as a spreadsheet program reads it: drop-down
 * lists on the code columns, developer rows grouped and locked, rule rows editable without a password,
 * frozen header, bilingual labels with comments, unit formats; the shipped workbooks carry it (styling
 * them again changes nothing) and a LibreOffice-saved table keeps it and validates.
 */
class RuleWorkbookStyleTest {

    private static final RuleWorkbookStyle.Labels LABELS = RuleWorkbookStyle.Labels.load();

    static Stream<Path> shippedWorkbooks() throws IOException {
        try (var files = Files.walk(Path.of("rules"))) {
            return files.filter(RuleWorkbookStyle::isWorkbook).sorted().toList().stream();
        }
    }

    static Stream<Path> shippedTables() throws IOException {
        return shippedWorkbooks().filter(p -> p.toString().endsWith(".drl.xlsx"));
    }

    @ParameterizedTest
    @MethodSource("shippedWorkbooks")
    void theShippedWorkbookHasItsLookAlready(Path file) throws IOException {
        var shipped = Files.readAllBytes(file);
        var restyled = RuleWorkbookStyle.style(file.toString(), shipped, LABELS);
        assertThat(describe(restyled)).as("%s is not styled as tools/style-rules styles it: run tools/style-rules", file)
                .isEqualTo(describe(shipped));
    }

    @Test
    void theTierTableOffersDropDownListsFromTheFactEnumsAndUnitFormats() throws IOException {
        try (var workbook = open(Path.of("rules/customer/tier.drl.xlsx"))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(list(sheet, "F10")).containsExactly(Arrays.stream(Tier.values()).map(Enum::name).toArray(String[]::new));
            assertThat(validation(sheet, "F10").getErrorStyle()).isEqualTo(DataValidation.ErrorStyle.STOP);
            assertThat(list(sheet, "B10")).containsExactly("true", "false");
            assertThat(validation(sheet, "C10").getValidationConstraint().getValidationType())
                    .isEqualTo(DataValidationConstraint.ValidationType.DECIMAL);
            // the lists reach past the last rule, where an analyst adds the next one
            assertThat(list(sheet, "F200")).contains("KEY");
            assertThat(format(sheet, "C10")).contains("kWh");
            assertThat(format(sheet, "D11")).contains("kV");
            assertThat(format(sheet, "E13")).contains("kVA");
            assertThat(new DataFormatter().formatCellValue(cell(sheet, "C10"))).isEqualTo("10,000,000 kWh");
        }
        var read = DecisionTableReader.read("customer/tier.drl.xlsx", Spreadsheets.read("customer/tier.drl.xlsx"));
        assertThat(read.cells().get(10).get(2)).as("the number as it is, not as shown").isEqualTo("10000000");
        assertThat(read.drl()).contains("annualKwh >= 10000000");
    }

    @ParameterizedTest
    @MethodSource("shippedTables")
    void everyCodeColumnHasADropDownList(Path file) throws IOException {
        var name = file.getParent().getFileName() + "/" + file.getFileName();
        var parsed = DecisionTableReader.read(name, Files.readAllBytes(file));
        var lists = 0;
        try (var workbook = open(file)) {
            var sheet = workbook.getSheetAt(0);
            for (var table : parsed.tables()) {
                var firstRule = table.headerRow() + 5;
                var values = RuleChecks.columnValues(parsed, table, getClass().getClassLoader());
                for (var column : table.columns()) {
                    var type = values.get(column.index());
                    var at = column.letter() + firstRule;
                    if (type != null && type.type().isEnum()) {
                        assertThat(list(sheet, at)).as("%s %s", name, at).containsExactlyInAnyOrder(
                                Arrays.stream(type.type().getEnumConstants()).map(e -> ((Enum<?>) e).name()).toArray(String[]::new));
                        lists++;
                    } else if (type != null && (type.type() == boolean.class || type.type() == Boolean.class)) {
                        assertThat(list(sheet, at)).as("%s %s", name, at).containsExactly("true", "false");
                        lists++;
                    } else if (column.code().contains(".route(\"$param\"") || column.code().contains(".siteWork(\"$param\"")) {
                        assertThat(list(sheet, at)).as("%s %s", name, at).containsExactlyElementsOf(Groups.STAFF);
                        lists++;
                    }
                }
            }
        }
        assertThat(lists).as("%s has code columns", name).isPositive();
    }

    @ParameterizedTest
    @MethodSource("shippedTables")
    void developerRowsAreGroupedAndLockedRuleRowsEditableWithoutAPassword(Path file) throws IOException {
        var name = file.getParent().getFileName() + "/" + file.getFileName();
        var parsed = DecisionTableReader.read(name, Files.readAllBytes(file));
        try (var workbook = open(file)) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getProtect()).as("protected").isTrue();
            var protection = sheet.getCTWorksheet().getSheetProtection();
            assertThat(protection.isSetPassword() || protection.isSetHashValue()).as("no password").isFalse();
            assertThat(sheet.isInsertRowsLocked()).as("rows may be inserted").isFalse();
            assertThat(sheet.isDeleteRowsLocked()).as("rows may be deleted").isFalse();
            var table = parsed.tables().get(0);
            var developerRows = new ArrayList<Integer>(List.of(rowOf(sheet, "Import")));
            for (int r = table.headerRow() - 1; r <= table.headerRow() + 2; r++) developerRows.add(r);
            for (int r : developerRows) {
                var row = sheet.getRow(r);
                assertThat(row.getOutlineLevel()).as("%s row %d grouped", name, r + 1).isPositive();
                assertThat(row.getZeroHeight()).as("%s row %d collapsed", name, r + 1).isTrue();
                row.forEach(cell -> assertThat(cell.getCellStyle().getLocked()).as("%s %s locked", name,
                        cell.getAddress()).isTrue());
            }
            var label = sheet.getRow(table.headerRow() + 3);
            label.forEach(cell -> assertThat(cell.getCellStyle().getLocked()).isTrue());
            for (var rule : table.rows()) {
                for (var column : table.columns()) {
                    var cell = sheet.getRow(rule.sheetRow() - 1).getCell(column.index());
                    assertThat(cell.getCellStyle().getLocked()).as("%s %s editable", name, cell.getAddress()).isFalse();
                }
            }
            var pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitTopRow()).as("frozen under the labels").isEqualTo((short) (table.headerRow() + 4));
        }
    }

    @ParameterizedTest
    @MethodSource("shippedWorkbooks")
    void labelsAreBilingualAndEveryColumnIsExplained(Path file) throws IOException {
        try (var workbook = open(file)) {
            var sheet = workbook.getSheetAt(0);
            var labelRow = sheet.getRow(sheet.getPaneInformation().getHorizontalSplitTopRow() - 1);
            var explained = 0;
            for (var cell : labelRow) {
                if (cell.getStringCellValue().isBlank()) continue;
                assertThat(cell.getCellComment()).as("%s %s has a comment", file, cell.getAddress()).isNotNull();
                assertThat(cell.getCellComment().getString().getString()).as("%s %s", file, cell.getAddress())
                        .containsPattern("\\p{IsHan}");
                explained++;
            }
            assertThat(explained).isGreaterThan(2);
            var chinese = file.toString().endsWith("examples.xlsx")
                    ? sheet.getRow(labelRow.getRowNum() - 1) : labelRow;
            var bilingual = 0;
            for (var cell : chinese) {
                if (cell.getStringCellValue().matches(".*\\p{IsHan}.*")) bilingual++;
            }
            assertThat(bilingual).as("%s: labels in Chinese", file).isGreaterThan(2);
        }
    }

    @Test
    void stylingATableWithANewRowKeepsEveryValueAndMakesTheRowEditable() throws IOException {
        var shipped = Spreadsheets.read("customer/tier.drl.xlsx");
        byte[] withRow;
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(shipped)); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.getSheetAt(0);
            // what a script or another tool adds: a new rule row in default (locked) cells
            var row = sheet.createRow(15);
            row.createCell(0).setCellValue("KEY: non-residential supplied at 110 kV or more");
            row.createCell(1).setCellValue("false");
            row.createCell(3).setCellValue(110);
            row.createCell(5).setCellValue("KEY");
            assertThat(row.getCell(0).getCellStyle().getLocked()).isTrue();
            workbook.write(out);
            withRow = out.toByteArray();
        }
        var styled = RuleWorkbookStyle.style("customer/tier.drl.xlsx", withRow, LABELS);
        assertThat(values(styled)).isEqualTo(values(withRow));
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(styled))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(cell(sheet, "A16").getCellStyle().getLocked()).isFalse();
            assertThat(cell(sheet, "D16").getCellStyle().getLocked()).isFalse();
            assertThat(list(sheet, "F16")).contains("KEY");
        }
        var report = validate(Map.of("customer/tier.drl.xlsx", styled));
        assertThat(report.problems()).isEmpty();
    }

    @Test
    void aTableChangedAndSavedByLibreOfficeKeepsTheLookAndValidates() throws IOException {
        var fixture = Path.of("src/test/resources/rules-fixtures/tier-strategic-at-100kv.drl.xlsx");
        try (var workbook = open(fixture)) {
            var sheet = workbook.getSheetAt(0);
            assertThat(workbook.getProperties().getExtendedProperties().getApplication()).as("saved by LibreOffice")
                    .containsIgnoringCase("LibreOffice");
            assertThat(sheet.getProtect()).isTrue();
            assertThat(list(sheet, "F10")).contains("STRATEGIC");
            assertThat(cell(sheet, "D11").getNumericCellValue()).isEqualTo(100);
            assertThat(cell(sheet, "D11").getCellStyle().getLocked()).isFalse();
            assertThat(cell(sheet, "B8").getCellStyle().getLocked()).isTrue();
        }
        var report = validate(Map.of("customer/tier.drl.xlsx", Files.readAllBytes(fixture)));
        assertThat(report.valid()).as("%s", report.problems()).isTrue();
        assertThat(report.examples()).anyMatch(e -> e.rulePackage().equals("customer") && e.passed() == e.examples());
    }

    private static RuleValidation.Report validate(Map<String, byte[]> candidate) {
        return RuleValidation.validate(SourceFolder.of("rules", "rules").read(p -> true), candidate, RuleModuleCache.none(),
                null, 1000);
    }

    /** Every cell value of the first sheet, as text. */
    private static String values(byte[] xlsx) throws IOException {
        var text = new StringBuilder();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var formatter = new DataFormatter();
            for (var row : workbook.getSheetAt(0)) {
                for (var cell : row) {
                    var value = switch (cell.getCellType()) {
                        case NUMERIC -> String.valueOf(cell.getNumericCellValue());
                        case FORMULA -> "=" + cell.getCellFormula();
                        default -> formatter.formatCellValue(cell);
                    };
                    if (!value.isEmpty() && row.getRowNum() != 8) text.append(cell.getAddress()).append('=').append(value).append('\n');
                }
            }
        }
        return text.toString();
    }

    /** The look of the first sheet: cells with value, style and comment; validations; rows; protection; panes. */
    private static String describe(byte[] xlsx) throws IOException {
        var text = new StringBuilder();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            var formatter = new DataFormatter();
            for (var row : sheet) {
                text.append("row ").append(row.getRowNum() + 1).append(" level ").append(row.getOutlineLevel())
                        .append(row.getZeroHeight() ? " hidden" : "").append('\n');
                for (var cell : row) {
                    var style = cell.getCellStyle();
                    text.append("  ").append(cell.getAddress()).append(' ').append(cell.getCellType()).append(" '")
                            .append(formatter.formatCellValue(cell)).append("' ").append(style.getLocked() ? "locked" : "open")
                            .append(' ').append(style.getDataFormatString()).append(style.getWrapText() ? " wrap" : "")
                            .append(workbook.getFontAt(style.getFontIndex()).getBold() ? " bold" : "");
                    if (cell.getCellComment() != null) text.append(" comment '").append(cell.getCellComment().getString()).append('\'');
                    text.append('\n');
                }
            }
            for (var validation : sheet.getDataValidations()) {
                var constraint = validation.getValidationConstraint();
                text.append("validation ").append(Arrays.toString(validation.getRegions().getCellRangeAddresses()))
                        .append(' ').append(constraint.getValidationType()).append(' ')
                        .append(Arrays.toString(constraint.getExplicitListValues())).append(' ').append(constraint.getFormula1())
                        .append(' ').append(validation.getErrorStyle()).append(' ').append(validation.getPromptBoxText()).append('\n');
            }
            text.append("protected ").append(sheet.getProtect()).append(" insert rows locked ").append(sheet.isInsertRowsLocked())
                    .append('\n').append("pane ").append(sheet.getPaneInformation() == null ? "none"
                            : sheet.getPaneInformation().getHorizontalSplitTopRow() + "/" + sheet.getPaneInformation().getVerticalSplitLeftColumn())
                    .append('\n');
        }
        return text.toString();
    }

    private static XSSFWorkbook open(Path file) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(file)));
    }

    private static int rowOf(XSSFSheet sheet, String key) {
        for (var row : sheet) {
            if (row.getCell(0) != null && key.equals(new DataFormatter().formatCellValue(row.getCell(0)))) return row.getRowNum();
        }
        throw new AssertionError("no row " + key);
    }

    private static org.apache.poi.ss.usermodel.Cell cell(XSSFSheet sheet, String address) {
        var ref = new CellReference(address);
        return sheet.getRow(ref.getRow()).getCell(ref.getCol());
    }

    private static String format(XSSFSheet sheet, String address) {
        return cell(sheet, address).getCellStyle().getDataFormatString();
    }

    private static XSSFDataValidation validation(XSSFSheet sheet, String address) {
        var ref = new CellReference(address);
        for (var validation : sheet.getDataValidations()) {
            for (var range : validation.getRegions().getCellRangeAddresses()) {
                if (range.isInRange(ref.getRow(), ref.getCol())) return validation;
            }
        }
        throw new AssertionError("no data validation on " + address);
    }

    private static List<String> list(XSSFSheet sheet, String address) {
        var constraint = validation(sheet, address).getValidationConstraint();
        assertThat(constraint.getValidationType()).as("a list on %s", address).isEqualTo(DataValidationConstraint.ValidationType.LIST);
        return List.of(constraint.getExplicitListValues());
    }
}
