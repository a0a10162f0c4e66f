package com.gridcare.rules.authoring;

import java.util.List;
import java.util.Map;

/**
 * A rule package's examples ({@code examples.xlsx}): facts going in and what the rules must answer,
 * one example per row. See rules/README.md for the format.
 *
 * @param factTypes the classes of the facts each example inserts, one object of each
 * @param resultTypes classes of objects the rules insert, which expectations may read
 * @param headerRow 1-based sheet row of the column headers
 */
public record ExampleTable(String file, String sheet, String rulePackage, List<Class<?>> factTypes,
        List<Class<?>> resultTypes, int headerRow,
        List<Column> columns, List<Example> examples) {

    public enum Kind { INPUT, EXPECT, EXPECT_FIRED, NOTE }

    /**
     * @param index 0-based sheet column
     * @param factType the fact the column sets or reads (null for notes and fired rules)
     * @param field the fact's field, possibly a dotted path for expectations
     */
    public record Column(int index, String header, Kind kind, Class<?> factType, String field) {
        public String letter() {
            return RuleProblem.columnLetter(index);
        }
    }

    /** @param sheetRow 1-based; @param cells non-empty cells by column index */
    public record Example(int sheetRow, String name, Map<Integer, String> cells) {
        public String cell(Column column) {
            return cells.getOrDefault(column.index(), "");
        }
    }

    public List<Column> inputs() {
        return columns.stream().filter(c -> c.kind() == Kind.INPUT).toList();
    }

    public List<Column> expectations() {
        return columns.stream().filter(c -> c.kind() == Kind.EXPECT || c.kind() == Kind.EXPECT_FIRED).toList();
    }
}
