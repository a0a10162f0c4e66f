package com.gridcare.rules.runtime;

import com.gridcare.rules.authoring.FactBinder;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.regex.Pattern;

/**
 * Says why a table row matched in the subject's own figures: "2.3 GWh ≥ 1 GWh". Reads the row's
 * comparison conditions ({@code annualKwh >= $param}), the subject's value of each field and the
 * unit from the column label ("Annual consumption at least (kWh)").
 */
public final class Because {

    private static final Pattern COMPARISON = Pattern.compile("^\\s*([a-z]\\w*)\\s*(>=|<=|>|<)\\s*\\$param\\s*$");
    private static final Pattern UNIT = Pattern.compile("\\(([^()]+)\\)\\s*$");

    private Because() {
    }

    /** The row's comparisons with the subject's values, joined by "and"; empty when the row has none. */
    public static String comparisons(RulePackage rulePackage, String ruleName, Object subject) {
        var ref = rulePackage.rule(ruleName);
        if (ref.isEmpty() || ref.get().table() == null) return "";
        var table = ref.get().table();
        var row = table.rows().get(ref.get().tableRow() - 1);
        var parts = new ArrayList<String>();
        for (var column : table.conditions()) {
            var cell = row.cell(column);
            var m = COMPARISON.matcher(column.code());
            if (cell == null || !m.matches()) continue;
            Object actual;
            try {
                actual = FactBinder.get(subject, m.group(1));
            } catch (FactBinder.ValueException e) {
                continue;
            }
            if (!(actual instanceof Number number)) continue;
            BigDecimal threshold;
            try {
                threshold = new BigDecimal(cell.replace(",", "").trim());
            } catch (NumberFormatException e) {
                continue;
            }
            var unit = UNIT.matcher(column.label() == null ? "" : column.label());
            parts.add(compare(new BigDecimal(number.toString()), m.group(2), threshold, unit.find() ? unit.group(1) : ""));
        }
        return String.join(" and ", parts);
    }

    static String compare(BigDecimal actual, String operator, BigDecimal threshold, String unit) {
        var symbol = switch (operator) {
            case ">=" -> "≥";
            case "<=" -> "≤";
            default -> operator;
        };
        var scaledUnit = unit;
        var divisor = BigDecimal.ONE;
        if (unit.equals("kWh") && threshold.abs().compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
            scaledUnit = "GWh";
            divisor = BigDecimal.valueOf(1_000_000);
        } else if (unit.equals("kWh") && threshold.abs().compareTo(BigDecimal.valueOf(1_000)) >= 0) {
            scaledUnit = "MWh";
            divisor = BigDecimal.valueOf(1_000);
        }
        var suffix = scaledUnit.isEmpty() ? "" : " " + scaledUnit;
        return number(actual.divide(divisor, 6, RoundingMode.HALF_UP)) + suffix + " " + symbol + " "
                + number(threshold.divide(divisor, 6, RoundingMode.HALF_UP)) + suffix;
    }

    private static String number(BigDecimal value) {
        var rounded = value.abs().compareTo(BigDecimal.TEN) >= 0 ? value.setScale(1, RoundingMode.HALF_UP)
                : value.setScale(2, RoundingMode.HALF_UP);
        return rounded.stripTrailingZeros().toPlainString();
    }
}
