package com.gridcare.rules.authoring;

import java.util.List;
import java.util.Map;

/**
 * One Drools decision table ({@code RuleTable ...}) as the analyst sees it in the spreadsheet:
 * its columns with their code, and its rows with the cells as Drools reads them.
 *
 * @param headerRow the 1-based sheet row of the {@code RuleTable} cell
 */
public record DecisionTable(String file, String sheet, String name, int headerRow, List<Column> columns,
        List<Row> rows) {

    /**
     * A column of the table.
     *
     * @param index 0-based sheet column
     * @param type CONDITION, ACTION, NAME, PRIORITY, ... as written in the header
     * @param pattern the pattern row's text (the fact the condition tests), may be empty
     * @param code the code row's snippet with {@code $param}
     * @param label the label row's text, what the column means in words
     */
    public record Column(int index, String type, String pattern, String code, String label) {

        public boolean isCondition() {
            return type.equals("CONDITION") || type.equals("C");
        }

        public boolean isAction() {
            return type.equals("ACTION") || type.equals("A");
        }

        public boolean isName() {
            return type.equals("NAME") || type.equals("N");
        }

        public String letter() {
            return RuleProblem.columnLetter(index);
        }

        /** The label, or the code when the label row is empty. */
        public String title() {
            return label == null || label.isBlank() ? code : label;
        }
    }

    /**
     * A rule of the table.
     *
     * @param number 1-based position of the row in the table ("row 4")
     * @param sheetRow 1-based row in the sheet, as the spreadsheet program numbers it
     * @param name the rule's name: the NAME cell, or Drools' generated name
     * @param cells non-empty cells by 0-based column index
     */
    public record Row(int number, int sheetRow, String name, Map<Integer, String> cells) {

        public String cell(Column column) {
            return cells.get(column.index());
        }
    }

    public List<Column> conditions() {
        return columns.stream().filter(Column::isCondition).toList();
    }

    public List<Column> actions() {
        return columns.stream().filter(Column::isAction).toList();
    }
}
