package com.gridcare.rules.authoring;

import java.util.List;
import java.util.Map;

/**
 * A decision-table spreadsheet of a rule package, read the way Drools reads it: the rule set it
 * declares, its imports, its tables, every non-empty cell of the first sheet, and the DRL that
 * Drools generates from it.
 *
 * @param cells non-empty cells of the first sheet: 1-based row to 0-based column to value
 */
public record TableFile(String file, String sheet, List<String> ignoredSheets, String ruleSet, List<String> imports,
        List<DecisionTable> tables, Map<Integer, Map<Integer, String>> cells, String drl) {

    /** The row of the table that became the rule of this name, if any. */
    public java.util.Optional<Map.Entry<DecisionTable, DecisionTable.Row>> row(String ruleName) {
        for (var table : tables) {
            for (var row : table.rows()) {
                if (row.name().equals(ruleName)) return java.util.Optional.of(Map.entry(table, row));
            }
        }
        return java.util.Optional.empty();
    }
}
