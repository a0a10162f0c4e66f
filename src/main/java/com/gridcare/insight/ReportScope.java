package com.gridcare.insight;

import com.gridcare.kernel.EngineClock;
import com.gridcare.api.InvalidFieldException;
import com.gridcare.kernel.Groups;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The month a report covers, as Beijing time: {@code [start, end)}; {@code asOf} is the end, or now while
 * the month is still running (what is open, and how old, is measured then). Optionally one group and one
 * category: the report keeps only the facts of cases of that group or category.
 */
public record ReportScope(YearMonth month, OffsetDateTime start, OffsetDateTime end, OffsetDateTime asOf, String group,
        String category, Map<String, Object> shared) {

    private static final Pattern CATEGORY = Pattern.compile("[A-Z][A-Z0-9_]{0,29}");

    public static ReportScope of(YearMonth month, OffsetDateTime now, String group, String category) {
        var start = month.atDay(1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime();
        var end = month.plusMonths(1).atDay(1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime();
        var asOf = now.isBefore(end) ? (now.isBefore(start) ? start : now) : end;
        return new ReportScope(month, start, end, asOf, blankToNull(group), blankToNull(category), new HashMap<>());
    }

    /** @throws InvalidFieldException naming {@code month}, {@code group} or {@code category} */
    public static ReportScope parse(String month, String group, String category, OffsetDateTime now) {
        if (month == null || month.isBlank()) {
            throw new InvalidFieldException("month", "is required: a month like 2026-11");
        }
        YearMonth parsed;
        try {
            parsed = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("month", "must be a month like 2026-11");
        }
        if (parsed.getYear() < 2000 || parsed.isAfter(YearMonth.from(now.atZoneSameInstant(EngineClock.ZONE)))) {
            throw new InvalidFieldException("month", "must be a month from 2000 up to the current one");
        }
        if (group != null && !group.isBlank() && !Groups.STAFF.contains(group)) {
            throw new InvalidFieldException("group", "must be one of " + String.join(", ", Groups.STAFF));
        }
        if (category != null && !category.isBlank() && !CATEGORY.matcher(category).matches()) {
            throw new InvalidFieldException("category", "must be a category code like BILLING");
        }
        return of(parsed, now, group, category);
    }

    /**
     * What several sections of one report read alike (the complaints closed in the month, say), read once: the
     * value kept under {@code key} for this scope, made by {@code read} the first time.
     */
    @SuppressWarnings("unchecked")
    public <T> T shared(String key, Supplier<T> read) {
        return (T) shared.computeIfAbsent(key, k -> read.get());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
