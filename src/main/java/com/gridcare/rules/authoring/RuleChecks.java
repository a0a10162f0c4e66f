package com.gridcare.rules.authoring;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a rule file before Drools compiles it, so that what is wrong is said about the cell or
 * line where it is, in a spreadsheet user's words: typographic quotes, full-width characters,
 * unknown fields, values of the wrong type, empty conditions, missing names. Drools' own compiler
 * still has the last word.
 */
public final class RuleChecks {

    private static final Pattern BINDING = Pattern.compile("^\\s*\\$(\\w+)\\s*:\\s*([A-Z]\\w*)\\s*$");
    private static final Pattern FREE_PATTERN = Pattern.compile("^\\s*(?:\\$(\\w+)\\s*:\\s*)?([A-Z]\\w*)\\s*\\((.*)\\)\\s*$",
            Pattern.DOTALL);
    private static final Pattern SIMPLE_CONSTRAINT = Pattern.compile(
            "^\\s*([a-z]\\w*)\\s*(==|!=|>=|<=|>|<)\\s*(?:([A-Z]\\w*)\\.)?(\\$param|\\$1)\\s*$");
    private static final Pattern FORALL = Pattern.compile(
            "^\\s*forall\\s*\\(([^)]*)\\)\\s*\\{\\s*([a-z]\\w*)\\s*(==|!=)\\s*(?:([A-Z]\\w*)\\.)?\\$\\s*}\\s*$");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.$\"])([a-z]\\w*)(?![\\w(])");
    private static final Pattern ENUM_PARAM = Pattern.compile("\\b([A-Z]\\w*)\\.\\$param\\b");
    private static final Pattern METHOD_PARAM = Pattern.compile("\\.(\\w+)\\(\\s*\\$param\\s*\\)");
    private static final Pattern BOUND_CALL = Pattern.compile("\\$(\\w+)\\.(\\w+)\\s*\\(");
    private static final Set<String> WORDS = Set.of("true", "false", "null", "this", "in", "not", "contains",
            "memberOf", "matches", "soundslike", "excludes", "instanceof", "str", "after", "before", "forall");

    private RuleChecks() {
    }

    /** Problems of a decision-table file that the analyst can fix in the spreadsheet. */
    public static List<RuleProblem> table(TableFile file, String rulePackage, ClassLoader classLoader) {
        var problems = new ArrayList<RuleProblem>();
        for (var ignored : file.ignoredSheets()) {
            problems.add(RuleProblem.inFile(file.file(), "only the first sheet '" + file.sheet() + "' holds rules; sheet '"
                    + ignored + "' would be ignored: move its tables to the first sheet or delete it"));
        }
        if (file.ruleSet() == null || !file.ruleSet().equals(rulePackage)) {
            problems.add(RuleProblem.atCell(file.file(), file.sheet(), rowOf(file, "RuleSet"), 1,
                    "the RuleSet cell must name the folder's package '" + rulePackage + "' (it says '" + file.ruleSet() + "')"));
        }
        if (file.tables().isEmpty()) {
            problems.add(RuleProblem.inFile(file.file(), "no 'RuleTable' cell: a decision table starts with a cell 'RuleTable <name>'"));
        }
        var imports = imports(file.imports(), classLoader, file, problems);
        for (var table : file.tables()) {
            problems.addAll(table(file, table, imports));
        }
        return problems;
    }

    private static int rowOf(TableFile file, String keyword) {
        for (var row : file.cells().entrySet()) {
            for (var value : row.getValue().values()) {
                if (value.trim().equalsIgnoreCase(keyword)) return row.getKey();
            }
        }
        return 1;
    }

    private static Map<String, Class<?>> imports(List<String> names, ClassLoader classLoader, TableFile file,
            List<RuleProblem> problems) {
        var classes = new HashMap<String, Class<?>>();
        for (var name : names) {
            if (name.endsWith(".*")) continue;
            try {
                var type = Class.forName(name, false, classLoader);
                classes.put(type.getSimpleName(), type);
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add(RuleProblem.atCell(file.file(), file.sheet(), rowOf(file, "Import"), 1,
                        "the Import cell names '" + name + "', which is not a class GridCare knows"));
            }
        }
        return classes;
    }

    private static List<RuleProblem> table(TableFile file, DecisionTable table, Map<String, Class<?>> imports) {
        var problems = new ArrayList<RuleProblem>();
        String f = file.file();
        String sheet = file.sheet();
        int typeRow = table.headerRow() + 1;
        int patternRow = table.headerRow() + 2;
        int codeRow = table.headerRow() + 3;
        if (table.columns().stream().noneMatch(DecisionTable.Column::isName)) {
            problems.add(RuleProblem.atCell(f, sheet, typeRow, -1, "table '" + table.name()
                    + "' has no NAME column: add one so that every row has a name that decisions can show"));
        }
        if (table.conditions().isEmpty()) {
            problems.add(RuleProblem.atCell(f, sheet, typeRow, -1, "table '" + table.name() + "' has no CONDITION column"));
        }
        if (table.actions().isEmpty()) {
            problems.add(RuleProblem.atCell(f, sheet, typeRow, -1, "table '" + table.name() + "' has no ACTION column"));
        }
        var bindings = new HashMap<String, Class<?>>();
        var columnTypes = new HashMap<Integer, Class<?>>();
        for (var column : table.columns()) {
            for (var text : List.of(column.pattern(), column.code())) {
                if (TextChecks.typographic(text) >= 0) {
                    problems.add(RuleProblem.atCell(f, sheet, text == column.pattern() ? patternRow : codeRow,
                            column.index(), TextChecks.typographicMessage(text)));
                } else if (TextChecks.fullWidth(text) >= 0) {
                    problems.add(RuleProblem.atCell(f, sheet, text == column.pattern() ? patternRow : codeRow,
                            column.index(), TextChecks.fullWidthMessage(text)));
                }
            }
            if ((column.isCondition() || column.isAction()) && column.code().isBlank()) {
                problems.add(RuleProblem.atCell(f, sheet, codeRow, column.index(), "empty condition: the "
                        + column.type() + " column " + column.letter() + " has no code in row " + codeRow));
                continue;
            }
            if (!column.isCondition()) continue;
            var condition = condition(column, imports, bindings);
            if (condition == null) continue;
            var factType = condition.factType();
            columnTypes.put(column.index(), factType);
            for (var field : fields(condition.constraints())) {
                if (FactBinder.readableType(factType, field).isEmpty()) {
                    problems.add(RuleProblem.atCell(f, sheet, codeRow, column.index(),
                            FactBinder.unknownField(factType, field, FactBinder.readable(factType))));
                }
            }
        }
        for (var column : table.actions()) {
            var calls = BOUND_CALL.matcher(column.code());
            while (calls.find()) {
                var type = bindings.get(calls.group(1));
                var method = calls.group(2);
                if (type != null && java.util.Arrays.stream(type.getMethods()).noneMatch(m -> m.getName().equals(method))) {
                    problems.add(RuleProblem.atCell(f, sheet, codeRow, column.index(),
                            "unknown action '" + method + "' of " + type.getSimpleName()));
                }
            }
        }
        var names = new HashSet<String>();
        var nameColumn = table.columns().stream().filter(DecisionTable.Column::isName).findFirst();
        for (var row : table.rows()) {
            if (nameColumn.isPresent()) {
                var name = row.cell(nameColumn.get());
                if (name == null || name.isBlank()) {
                    problems.add(RuleProblem.atCell(f, sheet, row.sheetRow(), nameColumn.get().index(),
                            "row " + row.number() + " has no name: write what the row decides, e.g. 'KEY: at least 1 GWh a year'"));
                } else if (name.contains("\"")) {
                    problems.add(RuleProblem.atCell(f, sheet, row.sheetRow(), nameColumn.get().index(),
                            "a row's name cannot contain the quote character \""));
                } else if (!names.add(name)) {
                    problems.add(RuleProblem.atCell(f, sheet, row.sheetRow(), nameColumn.get().index(),
                            "row " + row.number() + " has the same name as an earlier row: '" + name + "'; every row needs its own name"));
                }
            }
            if (table.conditions().stream().noneMatch(c -> row.cell(c) != null)) {
                problems.add(RuleProblem.atCell(f, sheet, row.sheetRow(), table.conditions().isEmpty() ? -1
                        : table.conditions().get(0).index(), "empty condition: row " + row.number() + " '" + row.name()
                        + "' has no condition cell filled in, so it would apply to everything"));
            }
            if (!table.actions().isEmpty() && table.actions().stream().noneMatch(c -> row.cell(c) != null)) {
                problems.add(RuleProblem.atCell(f, sheet, row.sheetRow(), table.actions().get(0).index(),
                        "row " + row.number() + " '" + row.name() + "' has no result: fill in its action cells"));
            }
            for (var column : table.columns()) {
                var value = row.cell(column);
                if (value == null || !(column.isCondition() || column.isAction())) continue;
                var problem = cellProblem(column, value, columnTypes.get(column.index()), imports);
                problem.ifPresent(message -> problems.add(RuleProblem.atCell(f, sheet, row.sheetRow(), column.index(),
                        message)));
            }
        }
        return problems;
    }

    /** The fact a condition column tests and its constraints, e.g. CustomerFacts and {@code annualKwh >= $param}. */
    private record Condition(Class<?> factType, String constraints) {}

    private static Condition condition(DecisionTable.Column column, Map<String, Class<?>> imports,
            Map<String, Class<?>> bindings) {
        Class<?> factType = null;
        String constraints = null;
        var binding = BINDING.matcher(column.pattern());
        if (binding.matches()) {
            factType = imports.get(binding.group(2));
            bindings.put(binding.group(1), factType);
            constraints = column.code();
        } else if (column.pattern().isBlank()) {
            var free = FREE_PATTERN.matcher(column.code());
            if (free.matches()) {
                factType = imports.get(free.group(2));
                if (free.group(1) != null) bindings.put(free.group(1), factType);
                constraints = free.group(3);
            }
        } else {
            factType = imports.get(column.pattern().trim());
            constraints = column.code();
        }
        return factType == null || constraints == null ? null : new Condition(factType, constraints);
    }

    /**
     * What the cells of a condition or action column hold, as its code says: an enum's constants, yes/no or a
     * number; {@code several} when a cell lists several values separated by commas.
     */
    record ColumnValues(Class<?> type, boolean several) {}

    /** The values of every condition and action column whose code names their type, by 0-based column. */
    static Map<Integer, ColumnValues> columnValues(TableFile file, DecisionTable table, ClassLoader classLoader) {
        var imports = imports(file.imports(), classLoader, file, new ArrayList<>());
        var bindings = new HashMap<String, Class<?>>();
        var values = new java.util.TreeMap<Integer, ColumnValues>();
        for (var column : table.columns()) {
            if (column.isCondition()) {
                var condition = condition(column, imports, bindings);
                if (condition == null) continue;
                var simple = SIMPLE_CONSTRAINT.matcher(condition.constraints());
                var forall = FORALL.matcher(condition.constraints());
                if (simple.matches()) {
                    valueType(condition.factType(), simple.group(1), simple.group(3), imports)
                            .ifPresent(type -> values.put(column.index(), new ColumnValues(type, false)));
                } else if (forall.matches()) {
                    valueType(condition.factType(), forall.group(2), forall.group(4), imports)
                            .ifPresent(type -> values.put(column.index(), new ColumnValues(type, true)));
                }
            } else if (column.isAction()) {
                var enums = ENUM_PARAM.matcher(column.code());
                if (enums.find() && imports.get(enums.group(1)) != null && imports.get(enums.group(1)).isEnum()) {
                    values.put(column.index(), new ColumnValues(imports.get(enums.group(1)), false));
                    continue;
                }
                var calls = METHOD_PARAM.matcher(column.code());
                if (calls.find()) {
                    var type = parameterType(calls.group(1), imports);
                    if (type != null) values.put(column.index(), new ColumnValues(type, false));
                }
            }
        }
        return values;
    }

    private static Optional<Class<?>> valueType(Class<?> factType, String field, String enumName,
            Map<String, Class<?>> imports) {
        if (enumName != null) {
            var type = imports.get(enumName);
            return type != null && type.isEnum() ? Optional.of(type) : Optional.empty();
        }
        return FactBinder.readableType(factType, field).map(type -> java.util.List.class.isAssignableFrom(type) ? null : type);
    }

    /** The fields a constraint reads, e.g. {@code annualKwh} in {@code annualKwh >= $param}. */
    static Set<String> fields(String constraints) {
        var fields = new LinkedHashSet<String>();
        var withoutStrings = constraints.replaceAll("\"[^\"]*\"", "\"\"");
        var forall = FORALL.matcher(withoutStrings);
        if (forall.matches()) {
            fields.add(forall.group(2));
            return fields;
        }
        Matcher m = IDENTIFIER.matcher(withoutStrings);
        while (m.find()) {
            var word = m.group(1);
            if (!WORDS.contains(word)) fields.add(word);
        }
        return fields;
    }

    private static Optional<String> cellProblem(DecisionTable.Column column, String value, Class<?> factType,
            Map<String, Class<?>> imports) {
        if (TextChecks.typographic(value) >= 0) return Optional.of(TextChecks.typographicMessage(value));
        boolean quoted = column.code().contains("\"$param\"") || column.code().contains("\"$1\"");
        if (!quoted && TextChecks.fullWidth(value) >= 0) return Optional.of(TextChecks.fullWidthMessage(value));
        try {
            if (column.isCondition() && factType != null) {
                var simple = SIMPLE_CONSTRAINT.matcher(column.code());
                if (simple.matches()) {
                    var fieldType = FactBinder.readableType(factType, simple.group(1)).orElse(null);
                    var enumName = simple.group(3);
                    if (enumName != null && imports.get(enumName) != null && imports.get(enumName).isEnum()) {
                        FactBinder.enumConstant(imports.get(enumName), value);
                    } else if (enumName == null && fieldType != null && !fieldType.isEnum()) {
                        FactBinder.convert(value, fieldType, fieldType);
                    }
                    return Optional.empty();
                }
                var forall = FORALL.matcher(column.code());
                if (forall.matches()) {
                    var enumName = forall.group(4);
                    var fieldType = FactBinder.readableType(factType, forall.group(2)).orElse(null);
                    for (var item : value.split(",")) {
                        if (enumName != null && imports.get(enumName) != null && imports.get(enumName).isEnum()) {
                            FactBinder.enumConstant(imports.get(enumName), item.trim());
                        } else if (fieldType != null && !fieldType.isEnum()) {
                            FactBinder.convert(item.trim(), fieldType, fieldType);
                        }
                    }
                }
                return Optional.empty();
            }
            if (column.isAction()) {
                var enums = ENUM_PARAM.matcher(column.code());
                while (enums.find()) {
                    var type = imports.get(enums.group(1));
                    if (type != null && type.isEnum()) FactBinder.enumConstant(type, value);
                }
                var calls = METHOD_PARAM.matcher(column.code());
                while (calls.find()) {
                    var parameterType = parameterType(calls.group(1), imports);
                    if (parameterType != null) FactBinder.convert(value, parameterType, parameterType);
                }
            }
        } catch (FactBinder.ValueException e) {
            return Optional.of("wrong type in column '" + column.title() + "': " + e.getMessage());
        }
        return Optional.empty();
    }

    /** The parameter type of a one-argument method of that name on the imported classes or what they return. */
    private static Class<?> parameterType(String method, Map<String, Class<?>> imports) {
        var seen = new HashSet<Class<?>>();
        var types = new ArrayList<Class<?>>(imports.values());
        for (var type : imports.values()) {
            for (var m : type.getMethods()) {
                if (m.getDeclaringClass() != Object.class) types.add(m.getReturnType());
            }
        }
        Class<?> found = null;
        for (var type : types) {
            if (!seen.add(type)) continue;
            for (Method m : type.getMethods()) {
                if (m.getName().equals(method) && m.getParameterCount() == 1 && !Modifier.isStatic(m.getModifiers())) {
                    var p = m.getParameterTypes()[0];
                    if (p.isPrimitive() || Number.class.isAssignableFrom(p) || p == Boolean.class) {
                        if (found != null && found != p) return null;
                        found = p;
                    }
                }
            }
        }
        return found;
    }

    /** Problems of a DRL file: package name and characters outside strings and comments. */
    public static List<RuleProblem> drl(String file, String text, String rulePackage) {
        var problems = new ArrayList<RuleProblem>();
        var packageDeclaration = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;?", Pattern.MULTILINE).matcher(text);
        if (!packageDeclaration.find()) {
            problems.add(RuleProblem.atLine(file, 1, 0, "the file must start with 'package " + rulePackage + ";'"));
        } else if (!packageDeclaration.group(1).equals(rulePackage)) {
            int line = text.substring(0, packageDeclaration.start(1)).split("\n", -1).length;
            problems.add(RuleProblem.atLine(file, line, 0, "the package must be the folder's name '" + rulePackage
                    + "' (it says '" + packageDeclaration.group(1) + "')"));
        }
        int line = 1;
        int column = 0;
        boolean inString = false;
        boolean inLineComment = false;
        boolean inBlockComment = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            column++;
            if (c == '\n') {
                line++;
                column = 0;
                inLineComment = false;
                inString = false;
                continue;
            }
            if (inLineComment) continue;
            if (inBlockComment) {
                if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '/') inBlockComment = false;
                continue;
            }
            if (inString) {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            if (c == '"') inString = true;
            else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') inLineComment = true;
            else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') inBlockComment = true;
            else if (TextChecks.isTypographicQuote(c)) {
                problems.add(RuleProblem.atLine(file, line, column, TextChecks.typographicMessage(String.valueOf(c))));
            } else if (TextChecks.isFullWidth(c)) {
                problems.add(RuleProblem.atLine(file, line, column, TextChecks.fullWidthMessage(String.valueOf(c))));
            }
        }
        return problems;
    }
}
