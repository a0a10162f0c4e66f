package com.gridcare.rules.runtime;

import com.gridcare.rules.authoring.DecisionTable;
import com.gridcare.rules.authoring.ExampleTable;
import com.gridcare.rules.authoring.TableFile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kie.api.KieBase;

/**
 * One compiled rule package (a folder of {@code rules/}): its KieBase, its files, its tables and
 * DRL rules (so that a fired rule can be named as "row 4 'BILLING, KEY/STRATEGIC'"), and its examples.
 *
 * @param codeHash content hash of the files that make the rules (not the examples): the cache key
 * @param drlRules rules written in DRL: rule name to its file and line
 * @param examples the examples table, or null when the package has none
 */
public record RulePackage(String name, String codeHash, KieBase kieBase, Map<String, byte[]> files,
        List<TableFile> tables, Map<String, DrlRule> drlRules, ExampleTable examples) {

    public record DrlRule(String name, String file, int line) {}

    /** Where a rule of this package comes from. */
    public record RuleRef(String rule, String file, String sheet, Integer tableRow, Integer sheetRow, Integer line,
            DecisionTable table) {

        /** "row 4 'BILLING, KEY/STRATEGIC'" for a table row, "rule 'X'" for a DRL rule. */
        public String describe() {
            return tableRow != null ? "row " + tableRow + " '" + rule + "'" : "rule '" + rule + "'";
        }
    }

    public Optional<RuleRef> rule(String ruleName) {
        for (var file : tables) {
            var row = file.row(ruleName);
            if (row.isPresent()) {
                return Optional.of(new RuleRef(ruleName, file.file(), file.sheet(), row.get().getValue().number(),
                        row.get().getValue().sheetRow(), null, row.get().getKey()));
            }
        }
        var drl = drlRules.get(ruleName);
        return drl == null ? Optional.empty()
                : Optional.of(new RuleRef(ruleName, drl.file(), null, null, null, drl.line(), null));
    }

    public String describe(String ruleName) {
        return rule(ruleName).map(RuleRef::describe).orElse("rule '" + ruleName + "'");
    }

    /** Every table row of the package, with its table. */
    public List<Map.Entry<DecisionTable, DecisionTable.Row>> tableRows() {
        return tables.stream().flatMap(f -> f.tables().stream())
                .flatMap(t -> t.rows().stream().map(r -> Map.entry(t, r))).toList();
    }
}
