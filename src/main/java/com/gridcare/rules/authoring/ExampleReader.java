package com.gridcare.rules.authoring;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.drools.decisiontable.parser.xls.ExcelParser;
import org.drools.template.parser.DataListener;

/**
 * Reads a package's {@code examples.xlsx}. The first sheet holds, above the examples,
 * {@code Examples | <package>} and {@code Facts | <class>[, <class>...]}; then a header row starting
 * with {@code Example}: input columns name a field of a fact ({@code annualKwh} or
 * {@code CustomerFacts.annualKwh}), {@code expect <field>} columns name what the rules must answer,
 * {@code expect fired} lists rules that must fire, {@code Notes} is free text.
 */
public final class ExampleReader {

    public static final String FILE_NAME = "examples.xlsx";

    public record Result(ExampleTable table, List<RuleProblem> problems) {}

    private ExampleReader() {
    }

    public static boolean isExamples(String path) {
        return path.equals(FILE_NAME) || path.endsWith("/" + FILE_NAME);
    }

    public static Result read(String file, byte[] bytes, ClassLoader classLoader) {
        var problems = new ArrayList<RuleProblem>();
        var cells = new TreeMap<Integer, Map<Integer, String>>();
        String sheet;
        try (var workbook = Workbooks.open(file, bytes)) {
            sheet = workbook.getNumberOfSheets() == 0 ? "" : workbook.getSheetName(0);
            for (int i = 1; i < workbook.getNumberOfSheets(); i++) {
                problems.add(RuleProblem.inFile(file, "only the first sheet holds examples; sheet '"
                        + workbook.getSheetName(i) + "' would be ignored: move its rows to '" + sheet + "' or delete it"));
            }
            new ExcelParser(List.<DataListener>of(new DataListener() {
                @Override public void startSheet(String name) {}
                @Override public void finishSheet() {}
                @Override public void newRow(int row, int columns) {}
                @Override public void newCell(int row, int column, String value, int mergedColStart) {
                    if (value != null && !value.isBlank()) {
                        cells.computeIfAbsent(row + 1, r -> new TreeMap<>()).put(column, value.trim());
                    }
                }
            })).parseWorkbook(workbook);
        } catch (RuleBuildException e) {
            return new Result(null, e.problems());
        } catch (IOException | RuntimeException e) {
            return new Result(null, List.of(RuleProblem.inFile(file,
                    "cannot be read as a spreadsheet (save it as .xlsx from your spreadsheet program): " + e.getMessage())));
        }
        String rulePackage = null;
        var factTypes = new ArrayList<Class<?>>();
        var resultTypes = new ArrayList<Class<?>>();
        int headerRow = -1;
        for (var row : cells.entrySet()) {
            var first = row.getValue().getOrDefault(0, "").trim();
            var second = row.getValue().getOrDefault(1, "").trim();
            switch (first.toLowerCase(Locale.ROOT)) {
                case "examples" -> rulePackage = second;
                case "facts", "results" -> {
                    var into = first.equalsIgnoreCase("facts") ? factTypes : resultTypes;
                    for (var name : second.split(",")) {
                        if (name.isBlank()) continue;
                        try {
                            into.add(Class.forName(name.trim(), false, classLoader));
                        } catch (ClassNotFoundException | LinkageError e) {
                            problems.add(RuleProblem.atCell(file, sheet, row.getKey(), 1,
                                    "unknown fact class '" + name.trim() + "' (write the full class name, as in the tables' Import cell)"));
                        }
                    }
                }
                case "example" -> headerRow = row.getKey();
                default -> { }
            }
            if (headerRow > 0) break;
        }
        if (rulePackage == null || rulePackage.isBlank()) {
            problems.add(RuleProblem.atCell(file, sheet, 1, 0, "the first row must read 'Examples' and the package name, e.g. 'Examples | customer'"));
        }
        if (factTypes.isEmpty() && problems.stream().noneMatch(p -> p.message().startsWith("unknown fact class"))) {
            problems.add(RuleProblem.atCell(file, sheet, 2, 0, "a row 'Facts' must name the fact classes the examples set, e.g. 'Facts | com.gridcare.customer.CustomerFacts'"));
        }
        if (headerRow < 0) {
            problems.add(RuleProblem.inFile(file, "no header row: one row must start with 'Example' followed by the field names"));
            return new Result(null, problems);
        }
        var columns = new ArrayList<ExampleTable.Column>();
        for (var header : cells.get(headerRow).entrySet()) {
            if (header.getKey() == 0) continue;
            var column = column(file, sheet, headerRow, header.getKey(), header.getValue().trim(), factTypes,
                    resultTypes, problems);
            if (column != null) columns.add(column);
        }
        var examples = new ArrayList<ExampleTable.Example>();
        for (var row : cells.tailMap(headerRow, false).entrySet()) {
            var values = new LinkedHashMap<Integer, String>();
            row.getValue().forEach((c, v) -> { if (c > 0) values.put(c, v); });
            var name = row.getValue().getOrDefault(0, "").trim();
            if (name.isEmpty() && values.isEmpty()) continue;
            if (name.isEmpty()) {
                problems.add(RuleProblem.atCell(file, sheet, row.getKey(), 0, "the example has no name in column A"));
                name = "row " + row.getKey();
            }
            var example = new ExampleTable.Example(row.getKey(), name, values);
            examples.add(example);
            for (var column : columns) {
                var text = example.cell(column);
                if (text.isEmpty() || column.factType() == null) continue;
                checkValue(file, sheet, example, column, text, problems);
            }
        }
        if (examples.isEmpty()) {
            problems.add(RuleProblem.atCell(file, sheet, headerRow + 1, 0, "no examples under the header row"));
        }
        var table = new ExampleTable(file, sheet, rulePackage, List.copyOf(factTypes), List.copyOf(resultTypes), headerRow,
                List.copyOf(columns),
                List.copyOf(examples));
        return new Result(table, problems);
    }

    private static ExampleTable.Column column(String file, String sheet, int row, int index, String header,
            List<Class<?>> factTypes, List<Class<?>> resultTypes, List<RuleProblem> problems) {
        var lower = header.toLowerCase(Locale.ROOT);
        if (lower.equals("notes") || lower.equals("note") || lower.startsWith("#")) {
            return new ExampleTable.Column(index, header, ExampleTable.Kind.NOTE, null, null);
        }
        if (lower.equals("expect fired") || lower.equals("expect rules")) {
            return new ExampleTable.Column(index, header, ExampleTable.Kind.EXPECT_FIRED, null, null);
        }
        boolean expect = lower.startsWith("expect ");
        var field = expect ? header.substring("expect ".length()).trim() : header;
        Class<?> type = null;
        int dot = field.indexOf('.');
        if (dot > 0 && Character.isUpperCase(field.charAt(0))) {
            var simple = field.substring(0, dot);
            var named = new ArrayList<Class<?>>(factTypes);
            if (expect) named.addAll(resultTypes);
            type = named.stream().filter(t -> t.getSimpleName().equals(simple)).findFirst().orElse(null);
            if (type == null) {
                problems.add(RuleProblem.atCell(file, sheet, row, index, "'" + simple + "' is not one of the classes named in the "
                        + (expect ? "Facts or Results row" : "Facts row")));
                return null;
            }
            field = field.substring(dot + 1);
        } else {
            var fieldName = field;
            var named = new ArrayList<Class<?>>(factTypes);
            if (expect) named.addAll(resultTypes);
            var candidates = named.stream().filter(t -> expect
                    ? FactBinder.readableType(t, fieldName).isPresent() : FactBinder.writable(t).contains(fieldName)).toList();
            if (candidates.size() > 1) {
                problems.add(RuleProblem.atCell(file, sheet, row, index, "'" + field + "' is a field of several facts: write "
                        + candidates.get(0).getSimpleName() + "." + field + " or the like"));
                return null;
            }
            type = candidates.isEmpty() ? (named.isEmpty() ? null : named.get(0)) : candidates.get(0);
        }
        if (type == null) return null;
        if (expect ? FactBinder.readableType(type, field).isEmpty() : !FactBinder.writable(type).contains(field)) {
            problems.add(RuleProblem.atCell(file, sheet, row, index, FactBinder.unknownField(type, field,
                    expect ? FactBinder.readable(type) : FactBinder.writable(type))));
            return null;
        }
        return new ExampleTable.Column(index, header, expect ? ExampleTable.Kind.EXPECT : ExampleTable.Kind.INPUT, type, field);
    }

    private static void checkValue(String file, String sheet, ExampleTable.Example example, ExampleTable.Column column,
            String text, List<RuleProblem> problems) {
        if (TextChecks.typographic(text) >= 0) {
            problems.add(RuleProblem.atCell(file, sheet, example.sheetRow(), column.index(), TextChecks.typographicMessage(text)));
            return;
        }
        try {
            if (column.kind() == ExampleTable.Kind.INPUT) {
                FactBinder.set(newInstance(column.factType()), column.field(), text);
            } else if (!text.equals("*")) {
                var type = FactBinder.readableType(column.factType(), column.field()).orElse(String.class);
                if (type.isEnum() || type.isPrimitive() || Number.class.isAssignableFrom(type) || type == Boolean.class) {
                    FactBinder.convert(text, type, type);
                }
            }
        } catch (FactBinder.ValueException e) {
            problems.add(RuleProblem.atCell(file, sheet, example.sheetRow(), column.index(),
                    "wrong type for " + column.header() + ": " + e.getMessage()));
        }
    }

    public static Object newInstance(Class<?> type) {
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new FactBinder.ValueException(type.getSimpleName() + " cannot be created by an example: it needs a public constructor without arguments");
        }
    }
}
