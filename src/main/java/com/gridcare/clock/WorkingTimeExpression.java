package com.gridcare.clock;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Working time as a process designer writes it in a timer or a task due date: "1 working day",
 * "4 working hours", "30 working minutes", "1.5 working days", "2 个工作日", optionally naming the
 * calendar: "5 working days in china-workdays". Anything else is left to Camunda (ISO 8601).
 */
record WorkingTimeExpression(BigDecimal amount, String unit, String calendar) {

    private static final Pattern SYNTAX = Pattern.compile(
            "(\\d+(?:\\.\\d+)?)\\s*(?:个\\s*)?(working\\s+days?|working\\s+hours?|working\\s+minutes?|工作日|工作小时|工作分钟)"
                    + "(?:\\s+(?:in|on)\\s+([a-z0-9][a-z0-9-]*))?");

    static Optional<WorkingTimeExpression> parse(String text) {
        if (text == null) return Optional.empty();
        var m = SYNTAX.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) return Optional.empty();
        var unit = m.group(2);
        var kind = unit.contains("day") || unit.equals("工作日") ? "day" : unit.contains("hour") || unit.equals("工作小时")
                ? "hour" : "minute";
        return Optional.of(new WorkingTimeExpression(new BigDecimal(m.group(1)), kind, m.group(3)));
    }

    Duration in(WorkingCalendar calendar) {
        var perUnit = switch (unit) {
            case "day" -> calendar.workingDay();
            case "hour" -> Duration.ofHours(1);
            default -> Duration.ofMinutes(1);
        };
        return Duration.ofMillis(amount.multiply(BigDecimal.valueOf(perUnit.toMillis())).longValue());
    }
}
