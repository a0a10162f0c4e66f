package com.gridcare.rules.authoring;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.drools.decisiontable.parser.DefaultRuleSheetListener;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.model.DRLOutput;
import org.drools.template.parser.DataListener;

/**
 * Reads a {@code *.drl.xlsx} decision table with Drools' own spreadsheet parser and rule-sheet
 * listener, recording every cell on the way so that problems and explanations can name rows and
 * cells.
 *
 * <p>One GridCare convention on top of Drools: adjacent CONDITION columns whose pattern-row cells
 * hold the same text (e.g. {@code $c : CustomerFacts}) form one pattern, exactly as if those cells
 * were merged. Spreadsheets saved from CSV cannot hold merged cells, and one pattern per rule is what
 * lets a session decide for many customers at once.
 */
public final class DecisionTableReader {

    private static final Pattern CELL_REF = Pattern.compile("\\b([A-Z]{1,3})(\\d{1,6})\\b");

    private DecisionTableReader() {
    }

    public static boolean isTable(String path) {
        var p = path.toLowerCase(Locale.ROOT);
        return p.endsWith(".drl.xlsx") || p.endsWith(".drl.xls");
    }

    /** @throws RuleBuildException naming the cell when Drools cannot read the table */
    public static TableFile read(String file, byte[] bytes) {
        String sheet;
        var ignored = new ArrayList<String>();
        var listener = new RecordingListener();
        try (var workbook = Workbooks.open(file, bytes)) {
            sheet = workbook.getNumberOfSheets() == 0 ? "" : workbook.getSheetName(0);
            for (int i = 1; i < workbook.getNumberOfSheets(); i++) ignored.add(workbook.getSheetName(i));
            listener.sheetName = sheet;
            new ExcelParser(List.<DataListener>of(listener)).parseWorkbook(workbook);
        } catch (RuleBuildException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            if (e instanceof org.drools.template.parser.DecisionTableParseException) {
                throw parseProblem(file, listener.sheetName, listener.cells, e.getMessage());
            }
            throw new RuleBuildException(List.of(RuleProblem.inFile(file,
                    "cannot be read as a spreadsheet (save it as .xlsx from your spreadsheet program): "
                            + e.getMessage())));
        }
        org.drools.template.model.Package ruleSet;
        try {
            ruleSet = listener.getRuleSet();
        } catch (org.drools.template.parser.DecisionTableParseException e) {
            throw parseProblem(file, sheet, listener.cells, e.getMessage());
        }
        var out = new DRLOutput();
        ruleSet.renderDRL(out);
        var namesByRow = new HashMap<Integer, String>();
        for (var rule : ruleSet.getRules()) namesByRow.put(rule.getSpreadsheetRowNumber(), unquote(rule.getName()));
        var tables = tables(file, sheet, listener.cells, namesByRow);
        var imports = ruleSet.getImports().stream().map(i -> i.getClassName().trim()).filter(s -> !s.isEmpty())
                .toList();
        return new TableFile(file, sheet, List.copyOf(ignored), ruleSet.getName(), imports, tables,
                listener.cells, out.getDRL());
    }

    /** Drools keeps a NAME cell's rule name with the quotes it writes into the DRL. */
    private static String unquote(String name) {
        var n = name.trim();
        return n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"") ? n.substring(1, n.length() - 1) : n;
    }

    /**
     * Drools stopped reading the table. A column without code is the usual cause, and Drools names the
     * first cell of its pattern rather than the empty one: say which cell is empty when it is that.
     */
    private static RuleBuildException parseProblem(String file, String sheet, Map<Integer, Map<Integer, String>> cells,
            String message) {
        var problems = new ArrayList<RuleProblem>();
        for (var table : tables(file, sheet, cells, Map.of())) {
            int codeRow = table.headerRow() + 3;
            for (var column : table.columns()) {
                if ((column.isCondition() || column.isAction()) && column.code().isBlank()) {
                    problems.add(RuleProblem.atCell(file, sheet, codeRow, column.index(), "empty condition: the "
                            + column.type() + " column " + column.letter() + " has no code in row " + codeRow));
                }
            }
        }
        if (problems.isEmpty()) problems.add(problemFromParser(file, sheet, message));
        return new RuleBuildException(problems);
    }

    private static RuleProblem problemFromParser(String file, String sheet, String message) {
        var m = CELL_REF.matcher(message == null ? "" : message);
        if (m.find()) {
            int column = 0;
            for (char c : m.group(1).toCharArray()) column = column * 26 + (c - 'A' + 1);
            return RuleProblem.atCell(file, sheet, Integer.parseInt(m.group(2)), column - 1, message);
        }
        return RuleProblem.inFile(file, message);
    }

    /** The tables of the sheet, from the recorded cells. */
    private static List<DecisionTable> tables(String file, String sheet, Map<Integer, Map<Integer, String>> cells,
            Map<Integer, String> namesByRow) {
        var tables = new ArrayList<DecisionTable>();
        for (var rowEntry : cells.entrySet()) {
            for (var cell : rowEntry.getValue().entrySet()) {
                if (!cell.getValue().trim().toLowerCase(Locale.ROOT).startsWith("ruletable")) continue;
                int head = rowEntry.getKey();
                int firstColumn = cell.getKey();
                var types = cells.getOrDefault(head + 1, Map.of());
                var columns = new ArrayList<DecisionTable.Column>();
                for (var type : new TreeMap<>(types).entrySet()) {
                    if (type.getKey() < firstColumn) continue;
                    columns.add(new DecisionTable.Column(type.getKey(), type.getValue().trim().toUpperCase(Locale.ROOT),
                            text(cells, head + 2, type.getKey()), text(cells, head + 3, type.getKey()),
                            text(cells, head + 4, type.getKey())));
                }
                var rows = new ArrayList<DecisionTable.Row>();
                for (int r = head + 5; ; r++) {
                    var values = new LinkedHashMap<Integer, String>();
                    for (var column : columns) {
                        var value = text(cells, r, column.index());
                        if (!value.isBlank()) values.put(column.index(), value.trim());
                    }
                    if (values.isEmpty()) break;
                    var name = namesByRow.getOrDefault(r, cell.getValue().trim() + "_" + r);
                    rows.add(new DecisionTable.Row(rows.size() + 1, r, name, values));
                }
                var title = cell.getValue().trim().substring("ruletable".length()).trim();
                tables.add(new DecisionTable(file, sheet, title, head, List.copyOf(columns), List.copyOf(rows)));
            }
        }
        return tables;
    }

    private static String text(Map<Integer, Map<Integer, String>> cells, int row, int column) {
        return cells.getOrDefault(row, Map.of()).getOrDefault(column, "");
    }

    /** Drools' listener, recording cells (1-based rows) and joining repeated pattern cells into one pattern. */
    private static final class RecordingListener extends DefaultRuleSheetListener {

        final Map<Integer, Map<Integer, String>> cells = new TreeMap<>();
        String sheetName = "";
        private int tableRow = -1;
        private int tableColumn;
        private final Map<Integer, String> types = new HashMap<>();
        private final Map<Integer, String> patterns = new HashMap<>();
        private final Map<Integer, Integer> patternStart = new HashMap<>();

        @Override
        public void newCell(int row, int column, String value, int mergedColStart) {
            if (value != null && !value.isBlank()) {
                cells.computeIfAbsent(row + 1, r -> new TreeMap<>()).put(column, value);
                var text = value.trim();
                if (text.toLowerCase(Locale.ROOT).startsWith("ruletable")) {
                    tableRow = row;
                    tableColumn = column;
                    types.clear();
                    patterns.clear();
                    patternStart.clear();
                } else if (tableRow >= 0 && column >= tableColumn && row == tableRow + 1) {
                    types.put(column, text.toUpperCase(Locale.ROOT));
                } else if (tableRow >= 0 && column >= tableColumn && row == tableRow + 2
                        && mergedColStart == DataListener.NON_MERGED) {
                    if (condition(column) && condition(column - 1) && text.equals(patterns.get(column - 1))) {
                        mergedColStart = patternStart.get(column - 1);
                    }
                    patterns.put(column, text);
                    patternStart.put(column, mergedColStart == DataListener.NON_MERGED ? column : mergedColStart);
                }
            }
            super.newCell(row, column, value, mergedColStart);
        }

        private boolean condition(int column) {
            var type = types.get(column);
            return "CONDITION".equals(type) || "C".equals(type);
        }
    }
}
