package com.gridcare.rules.authoring;

import com.gridcare.api.SpreadsheetText;
import com.gridcare.kernel.Groups;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The look of GridCare's rule workbooks, made in one place and re-runnable: {@code tools/style-rules}
 * styles every {@code *.drl.xlsx} and {@code examples.xlsx} under {@code rules/} (or the files named)
 * the same way, whatever rows they hold:
 *
 * <ul>
 *   <li>labels in English and Chinese ({@code rule-workbooks/labels.tsv}) and a comment on every
 *   column's label saying what the column means and which values it takes;</li>
 *   <li>drop-down lists (data validation) on every code column, from the fact enums the column's code
 *   names (GridCare's groups for routing columns, {@code true/false} for yes/no columns), and a number
 *   check on number columns;</li>
 *   <li>number formats for kWh, kV and kVA columns; text format for columns whose code quotes the value;</li>
 *   <li>the developer rows (Import, RuleTable, CONDITION/ACTION, fact and code rows; Facts and Results
 *   of the examples) grouped, collapsed and locked; the header frozen;</li>
 *   <li>the sheet protected without a password: rule rows (and {@value #ROOM} empty rows below them)
 *   stay editable, as do inserting and deleting rows; a developer unprotects the sheet from the
 *   spreadsheet program's menu, no password needed.</li>
 * </ul>
 *
 * Cell values below the header (rules, examples) are never changed; only their format and protection.
 */
public final class RuleWorkbookStyle {

    /** Empty rows under the last rule or example that stay editable and carry the drop-down lists. */
    static final int ROOM = 200;
    static final String LABELS = "rule-workbooks/labels.tsv";

    private static final Pattern UNIT = Pattern.compile("\\(([^()]+)\\)\\s*$");
    private static final Map<String, String> UNIT_FORMATS = Map.of(
            "kWh", "#,##0\" kWh\"", "kV", "General\" kV\"", "kVA", "#,##0\" kVA\"");
    private static final String TEXT_FORMAT = "@";
    /** Action methods whose quoted value is one of GridCare's groups. */
    private static final Set<String> GROUP_ACTIONS = Set.of("route", "siteWork");
    private static final Pattern ACTION_METHOD = Pattern.compile("\\.(\\w+)\\(\\s*\"\\$param\"");
    private static final Pattern OPERATOR = Pattern.compile("\\b([a-z]\\w*)\\s*(==|!=|>=|<=|>|<|not contains|contains)\\s*");
    private static final byte[] DEVELOPER_FILL = {(byte) 0xE7, (byte) 0xE6, (byte) 0xE6};
    private static final byte[] LABEL_FILL = {(byte) 0xDD, (byte) 0xEB, (byte) 0xF7};
    private static final byte[] KEY_FILL = {(byte) 0xF2, (byte) 0xF2, (byte) 0xF2};

    private RuleWorkbookStyle() {
    }

    /** {@code tools/style-rules [FILE-OR-FOLDER ...]}: styles the workbooks in place (default: rules/). */
    public static void main(String[] args) throws IOException {
        var targets = args.length == 0 ? List.of(Path.of("rules")) : Arrays.stream(args).map(Path::of).toList();
        var labels = Labels.load();
        var files = new ArrayList<Path>();
        for (var target : targets) {
            if (Files.isDirectory(target)) {
                try (Stream<Path> walk = Files.walk(target)) {
                    walk.filter(RuleWorkbookStyle::isWorkbook).sorted().forEach(files::add);
                }
            } else if (isWorkbook(target)) {
                files.add(target);
            } else {
                System.err.println("not a rule workbook (*.drl.xlsx or examples.xlsx): " + target);
                System.exit(2);
            }
        }
        if (files.isEmpty()) {
            System.err.println("no rule workbook under " + targets);
            System.exit(2);
        }
        for (var file : files) {
            Files.write(file, style(file.toString(), Files.readAllBytes(file), labels));
            System.out.println("styled " + file);
        }
    }

    static boolean isWorkbook(Path path) {
        var name = path.getFileName().toString();
        return name.toLowerCase(Locale.ROOT).endsWith(".drl.xlsx") || ExampleReader.isExamples(name);
    }

    /** The workbook with GridCare's look; the same bytes in, the same look out, however often it runs. */
    public static byte[] style(String file, byte[] bytes, Labels labels) {
        var name = Path.of(file).getFileName().toString();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes)); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.getSheetAt(0);
            var look = new Look(workbook);
            reset(sheet);
            if (name.toLowerCase(Locale.ROOT).endsWith(".drl.xlsx")) {
                styleTable(file, DecisionTableReader.read(file, bytes), sheet, look, labels);
            } else if (ExampleReader.isExamples(name)) {
                var read = ExampleReader.read(file, bytes, RuleWorkbookStyle.class.getClassLoader());
                if (read.table() == null) {
                    throw new IllegalStateException(file + " cannot be styled before it reads as examples: " + read.problems());
                }
                styleExamples(read.table(), sheet, look, labels);
            } else {
                throw new IllegalArgumentException(file + " is neither a decision table (*.drl.xlsx) nor examples.xlsx");
            }
            protect(sheet);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void styleTable(String file, TableFile parsed, XSSFSheet sheet, Look look, Labels labels) {
        if (parsed.tables().isEmpty()) throw new IllegalStateException(file + ": no 'RuleTable' cell to style");
        var developerRows = new TreeSet<Integer>();
        int firstTable = parsed.tables().get(0).headerRow() - 1;
        for (int r = 0; r < firstTable; r++) {
            var key = text(sheet, r, 0).toLowerCase(Locale.ROOT);
            if (key.equals("ruleset") || key.equals("notes")) {
                styleKeyRow(sheet, r, look);
            } else {
                developerRows.add(r);
            }
        }
        var classLoader = RuleWorkbookStyle.class.getClassLoader();
        int width = 0;
        for (var table : parsed.tables()) {
            int head = table.headerRow() - 1;
            for (int r = head; r <= head + 3; r++) developerRows.add(r);
            int labelRow = head + 4;
            int firstRule = head + 5;
            int lastRule = firstRule + table.rows().size() - 1 + ROOM;
            var values = RuleChecks.columnValues(parsed, table, classLoader);
            for (var column : table.columns()) {
                width = Math.max(width, column.index() + 1);
                var english = labels.english(column.label(), file + " " + column.letter() + (labelRow + 1));
                var unit = unit(english);
                var format = column.code().contains("\"$param\"") ? TEXT_FORMAT : UNIT_FORMATS.get(unit);
                var label = cell(sheet, labelRow, column.index());
                setText(label, english + " / " + labels.chinese(english));
                label.setCellStyle(look.label());
                var codes = codes(column, values.get(column.index()));
                var explanation = explain(column, english, labels.chinese(english), codes);
                comment(sheet, label, explanation);
                for (int r = firstRule; r <= lastRule; r++) {
                    var cell = cell(sheet, r, column.index());
                    cell.setCellStyle(look.editable(cell, format, column.isName()));
                }
                validate(sheet, new CellRangeAddressList(firstRule, lastRule, column.index(), column.index()), codes,
                        values.get(column.index()), english, explanation);
                sheet.setColumnWidth(column.index(), 256 * (column.isName() ? 48 : Math.min(40, Math.max(14, english.length() + 2))));
            }
        }
        for (int r : developerRows) styleRow(sheet, r, width, look.developer());
        group(sheet, developerRows);
        var first = parsed.tables().get(0);
        sheet.createFreezePane(1, first.headerRow() + 4);
        for (var table : parsed.tables()) sheet.getRow(table.headerRow() + 3).setHeightInPoints(48);
        printOnePageWide(sheet);
    }

    private static void styleExamples(ExampleTable table, XSSFSheet sheet, Look look, Labels labels) {
        int header = table.headerRow() - 1;
        var developerRows = new TreeSet<Integer>();
        for (int r = 0; r < header; r++) {
            var key = text(sheet, r, 0).toLowerCase(Locale.ROOT);
            if (key.equals("facts") || key.equals("results")) {
                developerRows.add(r);
            } else if (!key.isEmpty()) {
                styleKeyRow(sheet, r, look);
            }
        }
        int width = 1 + table.columns().stream().mapToInt(ExampleTable.Column::index).max().orElse(0);
        // the row above the header, when free, shows the columns' labels in Chinese under their English
        boolean chineseRow = header > 0 && text(sheet, header - 1, 0).isEmpty() && !developerRows.contains(header - 1);
        int lastExample = table.examples().stream().mapToInt(ExampleTable.Example::sheetRow).max().orElse(header + 1) - 1 + ROOM;
        var nameHeader = cell(sheet, header, 0);
        nameHeader.setCellStyle(look.label());
        comment(sheet, nameHeader, "Example: its name, shown when it fails. One example per row.\n"
                + "示例：名称（不通过时显示），每行一个示例。");
        styleEditable(sheet, header + 1, lastExample, 0, null, look, true);
        if (chineseRow) {
            var cell = cell(sheet, header - 1, 0);
            cell.setBlank();
            cell.setCellStyle(look.key());
        }
        for (var column : table.columns()) {
            var head = cell(sheet, header, column.index());
            head.setCellStyle(look.label());
            var range = new CellRangeAddressList(header + 1, lastExample, column.index(), column.index());
            if (column.kind() == ExampleTable.Kind.NOTE) {
                comment(sheet, head, "Notes: free text, not read by GridCare.\n备注：自由文本，GridCare 不读取。");
                styleEditable(sheet, header + 1, lastExample, column.index(), null, look, true);
                if (chineseRow) chineseLabel(sheet, header - 1, column.index(), "备注", look);
                continue;
            }
            if (column.kind() == ExampleTable.Kind.EXPECT_FIRED) {
                comment(sheet, head, "Rules or table rows that must have fired, separated by commas.\n"
                        + "必须触发的规则或表格行，以逗号分隔。");
                styleEditable(sheet, header + 1, lastExample, column.index(), TEXT_FORMAT, look, true);
                if (chineseRow) chineseLabel(sheet, header - 1, column.index(), "必须触发", look);
                continue;
            }
            var field = column.field();
            var key = field.contains(".") ? field.substring(field.lastIndexOf('.') + 1) : field;
            var chinese = labels.chinese(key);
            var values = fieldValues(column.factType(), field);
            var codes = values == null ? null : codes(values);
            var format = UNIT_FORMATS.get(unit(chinese));
            boolean expect = column.kind() == ExampleTable.Kind.EXPECT;
            var explanation = (expect
                    ? "Expected answer: " + field + " after the rules ran. Empty: none (no value, empty list, 0, false); *: not checked."
                            + (values != null && values.several() ? " Several values: separate them with commas." : "")
                            + "\n预期结果：" + chinese + "。空格表示没有；* 表示不检查。"
                    : "Input: " + column.factType().getSimpleName() + "." + field + ". Empty: left at its default (0, false, none)."
                            + "\n输入：" + chinese + "。空格表示默认值。")
                    + (codes == null ? "" : "\nValues / 可选值: " + String.join(", ", codes));
            comment(sheet, head, explanation);
            styleEditable(sheet, header + 1, lastExample, column.index(), format, look, false);
            if (chineseRow) chineseLabel(sheet, header - 1, column.index(), chinese, look);
            if (codes != null) {
                list(sheet, range, codes, expect || values.several(), column.header(), explanation);
            } else if (values != null && isNumber(values.type()) && !expect) {
                number(sheet, range, column.header());
            }
            sheet.setColumnWidth(column.index(), 256 * Math.min(40, Math.max(12, Math.max(column.header().length(), chinese.length() * 2) + 2)));
        }
        sheet.setColumnWidth(0, 256 * 40);
        for (int r : developerRows) styleRow(sheet, r, width, look.developer());
        group(sheet, developerRows);
        sheet.createFreezePane(1, header + 1);
        printOnePageWide(sheet);
    }

    private static void printOnePageWide(XSSFSheet sheet) {
        sheet.getPrintSetup().setLandscape(true);
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    private static void chineseLabel(XSSFSheet sheet, int row, int column, String chinese, Look look) {
        var cell = cell(sheet, row, column);
        setText(cell, chinese);
        cell.setCellStyle(look.key());
    }

    /** A header cell's new text (blanked first: an inline string would otherwise keep its old text). */
    private static void setText(Cell cell, String text) {
        if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) return;
        SpreadsheetText.set(cell, text);
    }

    private static void styleEditable(XSSFSheet sheet, int from, int to, int column, String format, Look look, boolean wrap) {
        for (int r = from; r <= to; r++) {
            var cell = cell(sheet, r, column);
            cell.setCellStyle(look.editable(cell, format, wrap));
        }
    }

    /** The codes a column's cells may hold, or null when the column takes free values. */
    private static List<String> codes(DecisionTable.Column column, RuleChecks.ColumnValues values) {
        if (column.isAction()) {
            var method = ACTION_METHOD.matcher(column.code());
            if (method.find() && GROUP_ACTIONS.contains(method.group(1))) return Groups.STAFF;
        }
        return values == null ? null : codes(values);
    }

    private static List<String> codes(RuleChecks.ColumnValues values) {
        var type = values.type();
        if (type.isEnum()) return Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
        if (type == boolean.class || type == Boolean.class) return List.of("true", "false");
        return null;
    }

    private static String explain(DecisionTable.Column column, String english, String chinese, List<String> codes) {
        String en;
        String zh;
        if (column.isName()) {
            en = "The row's name: decisions quote it as their reason. Every row needs its own name.";
            zh = "规则行名称：决策以它说明原因，每行必须不同。";
        } else if (column.isCondition()) {
            var operator = OPERATOR.matcher(column.code());
            var words = operator.find() ? operatorWords(operator.group(2)) : new String[] {"matches", "符合"};
            var field = operator.find(0) ? operator.group(1) : english;
            if (column.code().contains("forall(")) words = new String[] {"is one of (commas between codes)", "属于其中之一（多个值以逗号分隔）"};
            en = "Condition: " + field + " " + words[0] + " the value in the cell. An empty cell is no condition.";
            zh = "条件：" + chinese + " " + words[1] + "本格的值；空格表示不限。";
        } else if (column.isAction()) {
            en = "Result of the row: " + english + ".";
            zh = "规则结果：" + chinese + "。";
        } else {
            en = english + ".";
            zh = chinese + "。";
        }
        var unit = unit(english);
        var numbers = UNIT_FORMATS.containsKey(unit) ? " Numbers plainly, in " + unit + " (1000000, not 1 GWh)." : "";
        return english + ": " + en + numbers + "\n" + chinese + "：" + zh
                + (codes == null ? "" : "\nValues / 可选值: " + String.join(", ", codes));
    }

    private static String[] operatorWords(String operator) {
        return switch (operator) {
            case "==" -> new String[] {"is", "等于"};
            case "!=" -> new String[] {"is not", "不等于"};
            case ">=" -> new String[] {"is at least", "不低于"};
            case ">" -> new String[] {"is more than", "高于"};
            case "<=" -> new String[] {"is at most", "不高于"};
            case "<" -> new String[] {"is less than", "低于"};
            case "not contains" -> new String[] {"does not include", "不包含"};
            default -> new String[] {"includes", "包含"};
        };
    }

    private static void validate(XSSFSheet sheet, CellRangeAddressList range, List<String> codes,
            RuleChecks.ColumnValues values, String label, String explanation) {
        if (codes != null) {
            list(sheet, range, codes, values != null && values.several(), label, explanation);
        } else if (values != null && isNumber(values.type())) {
            number(sheet, range, label);
        }
    }

    private static void list(XSSFSheet sheet, CellRangeAddressList range, List<String> codes, boolean openList,
            String label, String explanation) {
        if (String.join(",", codes).length() > 255) {
            throw new IllegalStateException("the codes of '" + label + "' are longer than a spreadsheet list takes (255 characters)");
        }
        var helper = sheet.getDataValidationHelper();
        var validation = helper.createValidation(helper.createExplicitListConstraint(codes.toArray(String[]::new)), range);
        // several codes in a cell (or '*' in an expectation) are allowed: the list then only suggests
        validation.setErrorStyle(openList ? DataValidation.ErrorStyle.INFO : DataValidation.ErrorStyle.STOP);
        validation.setShowErrorBox(true);
        validation.createErrorBox(shorten(label, 32), shorten("Not one of: " + String.join(", ", codes)
                + (openList ? " (several: separate with commas)" : ""), 255));
        validation.setShowPromptBox(true);
        validation.createPromptBox(shorten(label, 32), shorten(explanation, 255));
        validation.setEmptyCellAllowed(true);
        validation.setSuppressDropDownArrow(true);
        sheet.addValidationData(validation);
    }

    private static void number(XSSFSheet sheet, CellRangeAddressList range, String label) {
        var helper = sheet.getDataValidationHelper();
        var validation = helper.createValidation(helper.createDecimalConstraint(
                DataValidationConstraint.OperatorType.BETWEEN, "-1000000000000", "1000000000000"), range);
        validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
        validation.setShowErrorBox(true);
        validation.createErrorBox(shorten(label, 32), "A number, written plainly: 1000000 or 0.95 (not 1 GWh, not 95 %).");
        validation.setEmptyCellAllowed(true);
        sheet.addValidationData(validation);
    }

    private static boolean isNumber(Class<?> type) {
        return Number.class.isAssignableFrom(type)
                || (type.isPrimitive() && type != boolean.class && type != char.class && type != void.class);
    }

    /** The values an example column's field holds: its type, or the enum of a list's elements. */
    private static RuleChecks.ColumnValues fieldValues(Class<?> factType, String field) {
        Class<?> owner = factType;
        var parts = field.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            var next = FactBinder.readableType(owner, parts[i]);
            if (next.isEmpty()) return null;
            owner = next.get();
        }
        var accessor = accessor(owner, parts[parts.length - 1]);
        if (accessor == null) {
            return FactBinder.readableType(owner, parts[parts.length - 1]).map(t -> new RuleChecks.ColumnValues(t, false))
                    .orElse(null);
        }
        var type = accessor.getReturnType();
        if (Collection.class.isAssignableFrom(type) && accessor.getGenericReturnType() instanceof ParameterizedType p
                && p.getActualTypeArguments()[0] instanceof Class<?> element) {
            return new RuleChecks.ColumnValues(element, true);
        }
        return new RuleChecks.ColumnValues(type, false);
    }

    /** The getter of a field ({@code x()}, {@code getX()} or {@code isX()}), or null when it has none. */
    private static Method accessor(Class<?> type, String field) {
        var capitalized = Character.toUpperCase(field.charAt(0)) + field.substring(1);
        var names = Set.of(field, "get" + capitalized, "is" + capitalized);
        for (var m : type.getMethods()) {
            if (m.getParameterCount() == 0 && names.contains(m.getName()) && m.getReturnType() != void.class) return m;
        }
        return null;
    }

    private static void comment(XSSFSheet sheet, Cell cell, String text) {
        if (cell.getCellComment() != null) cell.removeCellComment();
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        var anchor = sheet.getWorkbook().getCreationHelper().createClientAnchor();
        anchor.setCol1(cell.getColumnIndex());
        anchor.setCol2(cell.getColumnIndex() + 4);
        anchor.setRow1(cell.getRowIndex());
        anchor.setRow2(cell.getRowIndex() + 7);
        var comment = drawing.createCellComment(anchor);
        comment.setString(sheet.getWorkbook().getCreationHelper().createRichTextString(text));
        comment.setAuthor("GridCare");
        cell.setCellComment(comment);
    }

    /** Takes away what an earlier run (or a spreadsheet program) left: validations, protection, grouping. */
    private static void reset(XSSFSheet sheet) {
        var worksheet = sheet.getCTWorksheet();
        if (worksheet.isSetDataValidations()) worksheet.unsetDataValidations();
        if (worksheet.isSetSheetProtection()) worksheet.unsetSheetProtection();
        for (var row : sheet) {
            var ct = ((org.apache.poi.xssf.usermodel.XSSFRow) row).getCTRow();
            if (ct.isSetOutlineLevel()) ct.unsetOutlineLevel();
            if (ct.isSetHidden()) ct.unsetHidden();
            if (ct.isSetCollapsed()) ct.unsetCollapsed();
        }
    }

    private static void group(XSSFSheet sheet, TreeSet<Integer> rows) {
        Integer start = null;
        Integer previous = null;
        var runs = new ArrayList<int[]>();
        for (int r : rows) {
            if (start == null) {
                start = r;
            } else if (r != previous + 1) {
                runs.add(new int[] {start, previous});
                start = r;
            }
            previous = r;
        }
        if (start != null) runs.add(new int[] {start, previous});
        for (var run : runs) {
            for (int r = run[0]; r <= run[1] + 1; r++) {
                if (sheet.getRow(r) == null) sheet.createRow(r);
            }
            sheet.groupRow(run[0], run[1]);
            sheet.setRowGroupCollapsed(run[0], true);
        }
    }

    /** Protected without a password: locked cells (the header) are read-only, unlocked ones (rules) editable. */
    private static void protect(XSSFSheet sheet) {
        sheet.enableLocking();
        sheet.lockSelectLockedCells(false);
        sheet.lockSelectUnlockedCells(false);
        sheet.lockFormatCells(false);
        sheet.lockFormatColumns(false);
        sheet.lockFormatRows(false);
        sheet.lockInsertRows(false);
        sheet.lockDeleteRows(false);
        sheet.lockSort(false);
        sheet.lockAutoFilter(false);
    }

    private static void styleKeyRow(XSSFSheet sheet, int r, Look look) {
        var row = sheet.getRow(r);
        if (row == null) return;
        for (var cell : row) cell.setCellStyle(cell.getColumnIndex() == 0 ? look.key() : look.keyValue());
    }

    private static void styleRow(XSSFSheet sheet, int r, int width, XSSFCellStyle style) {
        var row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        for (int c = 0; c < Math.max(width, row.getLastCellNum()); c++) cell(sheet, r, c).setCellStyle(style);
    }

    private static Cell cell(XSSFSheet sheet, int r, int c) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        return row.getCell(c) == null ? row.createCell(c, CellType.BLANK) : row.getCell(c);
    }

    private static String text(XSSFSheet sheet, int r, int c) {
        var row = sheet.getRow(r);
        return row == null || row.getCell(c) == null ? "" : new DataFormatter().formatCellValue(row.getCell(c)).trim();
    }

    private static String unit(String label) {
        var m = UNIT.matcher(label);
        return m.find() ? m.group(1) : "";
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The English and Chinese labels of the workbooks' columns ({@value #LABELS}). */
    public static final class Labels {

        private final Map<String, String> chinese;

        Labels(Map<String, String> chinese) {
            this.chinese = chinese;
        }

        public static Labels load() {
            var map = new LinkedHashMap<String, String>();
            try (var in = RuleWorkbookStyle.class.getClassLoader().getResourceAsStream(LABELS)) {
                if (in == null) throw new IllegalStateException(LABELS + " is missing");
                var lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
                for (var line : lines) {
                    if (line.isBlank() || line.startsWith("#")) continue;
                    var parts = line.split("\t");
                    if (parts.length != 2) throw new IllegalStateException(LABELS + ": not 'english<TAB>chinese': " + line);
                    map.put(parts[0].trim(), parts[1].trim());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Labels(map);
        }

        /** The English label of a label cell, which may already carry its Chinese after " / ". */
        String english(String cell, String where) {
            var text = cell == null ? "" : cell.trim();
            String found = null;
            for (var english : chinese.keySet()) {
                if ((text.equals(english) || text.startsWith(english + " / "))
                        && (found == null || english.length() > found.length())) {
                    found = english;
                }
            }
            if (found == null) {
                throw new IllegalStateException(where + ": no Chinese label for '" + text + "': add it to " + LABELS);
            }
            return found;
        }

        String chinese(String english) {
            var zh = chinese.get(english);
            if (zh == null) throw new IllegalStateException("no Chinese label for '" + english + "': add it to " + LABELS);
            return zh;
        }
    }

    /** The workbook's cell styles, found again when an earlier run made them (so re-runs add none). */
    private static final class Look {

        private final XSSFWorkbook workbook;
        private final Map<String, XSSFCellStyle> made = new HashMap<>();

        Look(XSSFWorkbook workbook) {
            this.workbook = workbook;
        }

        XSSFCellStyle developer() {
            return style(true, DEVELOPER_FILL, false, false, "General");
        }

        XSSFCellStyle label() {
            return style(true, LABEL_FILL, true, true, "General");
        }

        XSSFCellStyle key() {
            return style(true, KEY_FILL, true, false, "General");
        }

        XSSFCellStyle keyValue() {
            return style(true, null, false, false, "General");
        }

        /** An editable cell: the column's format, or the one the cell has (a date stays a date). */
        XSSFCellStyle editable(Cell cell, String format, boolean wrap) {
            var keep = cell.getCellType() == CellType.BLANK ? "General" : cell.getCellStyle().getDataFormatString();
            return style(false, null, false, wrap, format != null ? format : keep);
        }

        private XSSFCellStyle style(boolean locked, byte[] fill, boolean bold, boolean wrap, String format) {
            var key = locked + "|" + Arrays.toString(fill) + "|" + bold + "|" + wrap + "|" + format;
            return made.computeIfAbsent(key, k -> find(locked, fill, bold, wrap, format));
        }

        private XSSFCellStyle find(boolean locked, byte[] fill, boolean bold, boolean wrap, String format) {
            short dataFormat = workbook.createDataFormat().getFormat(format);
            var font = font(bold);
            for (int i = 0; i < workbook.getNumCellStyles(); i++) {
                var s = workbook.getCellStyleAt(i);
                if (s.getLocked() == locked && s.getDataFormat() == dataFormat && s.getWrapText() == wrap
                        && s.getFontIndex() == font && s.getVerticalAlignment() == VerticalAlignment.TOP
                        && sameFill(s, fill)) {
                    return s;
                }
            }
            var s = workbook.createCellStyle();
            s.setLocked(locked);
            s.setDataFormat(dataFormat);
            s.setWrapText(wrap);
            s.setFont(workbook.getFontAt(font));
            s.setVerticalAlignment(VerticalAlignment.TOP);
            if (fill != null) {
                s.setFillForegroundColor(new XSSFColor(fill, null));
                s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            }
            return s;
        }

        private static boolean sameFill(XSSFCellStyle s, byte[] fill) {
            if (fill == null) return s.getFillPattern() == FillPatternType.NO_FILL;
            var color = s.getFillForegroundXSSFColor();
            return s.getFillPattern() == FillPatternType.SOLID_FOREGROUND && color != null
                    && Arrays.equals(color.getRGB(), fill);
        }

        private int font(boolean bold) {
            var base = workbook.getFontAt(0);
            if (!bold) return 0;
            var found = workbook.findFont(true, base.getColor(), base.getFontHeight(), base.getFontName(), false, false,
                    Font.SS_NONE, Font.U_NONE);
            if (found != null) return found.getIndex();
            var font = workbook.createFont();
            font.setBold(true);
            font.setFontName(base.getFontName());
            font.setFontHeight(base.getFontHeight());
            return font.getIndex();
        }
    }
}
