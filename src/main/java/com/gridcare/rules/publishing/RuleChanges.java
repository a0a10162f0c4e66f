package com.gridcare.rules.publishing;

import com.gridcare.rules.authoring.DecisionTable;
import com.gridcare.rules.authoring.DecisionTableReader;
import com.gridcare.rules.authoring.ExampleReader;
import com.gridcare.rules.authoring.RuleBuildException;
import com.gridcare.rules.authoring.TableFile;
import com.gridcare.rules.runtime.RuleCompiler;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** What changed between two versions of the rules, in words: files, and rows of tables cell by cell. */
final class RuleChanges {

    private static final Pattern DRL_RULE = Pattern.compile("^\\s*rule\\s+\"([^\"]+)\"", Pattern.MULTILINE);

    private RuleChanges() {
    }

    static List<String> between(Map<String, byte[]> before, Map<String, byte[]> after) {
        var changes = new ArrayList<String>();
        var paths = new TreeSet<String>();
        before.keySet().stream().filter(RuleCompiler::isPackageFile).forEach(paths::add);
        after.keySet().stream().filter(RuleCompiler::isPackageFile).forEach(paths::add);
        for (var path : paths) {
            var old = before.get(path);
            var now = after.get(path);
            if (old == null) {
                changes.add("added " + path);
            } else if (now == null) {
                changes.add("removed " + path);
            } else if (!Arrays.equals(old, now)) {
                changes.addAll(changed(path, old, now));
            }
        }
        return changes;
    }

    private static List<String> changed(String path, byte[] old, byte[] now) {
        try {
            if (DecisionTableReader.isTable(path)) return tableChanges(path, DecisionTableReader.read(path, old),
                    DecisionTableReader.read(path, now));
            if (ExampleReader.isExamples(path)) {
                var loader = RuleChanges.class.getClassLoader();
                var was = ExampleReader.read(path, old, loader).table();
                var is = ExampleReader.read(path, now, loader).table();
                return List.of("changed " + path + ": " + (is == null ? "?" : is.examples().size()) + " examples (was "
                        + (was == null ? "?" : was.examples().size()) + ")");
            }
            var was = rules(new String(old, StandardCharsets.UTF_8));
            var is = rules(new String(now, StandardCharsets.UTF_8));
            var added = new TreeSet<>(is);
            added.removeAll(was);
            var removed = new TreeSet<>(was);
            removed.removeAll(is);
            var sb = new StringBuilder("changed " + path);
            if (!added.isEmpty()) sb.append("; rules added: ").append(String.join(", ", added));
            if (!removed.isEmpty()) sb.append("; rules removed: ").append(String.join(", ", removed));
            return List.of(sb.toString());
        } catch (RuleBuildException e) {
            return List.of("changed " + path);
        }
    }

    private static List<String> rules(String drl) {
        var names = new ArrayList<String>();
        var m = DRL_RULE.matcher(drl);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    private static List<String> tableChanges(String path, TableFile before, TableFile after) {
        var changes = new ArrayList<String>();
        var oldRows = rows(before);
        var newRows = rows(after);
        for (var entry : newRows.entrySet()) {
            var name = entry.getKey();
            var now = entry.getValue();
            var old = oldRows.get(name);
            if (old == null) {
                changes.add(path + ": row " + now.row().number() + " '" + name + "' added");
                continue;
            }
            var cells = new ArrayList<String>();
            for (var column : now.table().columns()) {
                if (column.isName()) continue;
                var oldColumn = old.table().columns().stream().filter(c -> c.title().equals(column.title())).findFirst();
                var was = oldColumn.map(c -> old.row().cell(c)).orElse(null);
                var is = now.row().cell(column);
                if (!Objects.equals(was, is)) {
                    cells.add(column.title() + " " + show(was) + " → " + show(is));
                }
            }
            if (!cells.isEmpty()) {
                changes.add(path + ": row " + now.row().number() + " '" + name + "': " + String.join("; ", cells));
            } else if (old.row().number() != now.row().number()) {
                changes.add(path + ": row '" + name + "' moved from row " + old.row().number() + " to " + now.row().number());
            }
        }
        for (var name : oldRows.keySet()) {
            if (!newRows.containsKey(name)) {
                changes.add(path + ": row " + oldRows.get(name).row().number() + " '" + name + "' removed");
            }
        }
        if (changes.isEmpty()) changes.add("changed " + path + " (no row changed)");
        return changes;
    }

    private record TableRow(DecisionTable table, DecisionTable.Row row) {}

    private static Map<String, TableRow> rows(TableFile file) {
        var rows = new LinkedHashMap<String, TableRow>();
        for (var table : file.tables()) {
            for (var row : table.rows()) rows.put(row.name(), new TableRow(table, row));
        }
        return rows;
    }

    private static String show(String cell) {
        return cell == null ? "(empty)" : cell;
    }
}
