package com.gridcare.insight;

import com.gridcare.kernel.EngineClock;
import com.gridcare.api.InvalidFieldException;
import com.gridcare.kernel.Groups;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The month a report covers, as Beijing time: {@code [start, end)}; {@code asOf} is the end, or now while
 * the month is still running (what is open, and how old, is measured then). Optionally one group and one
 * category: the report keeps only the facts of cases of that group or category; one customer tier (of the
 * case, or of the customer a customer fact counts) and one channel the case came in by.
 */
public record ReportScope(YearMonth month, OffsetDateTime start, OffsetDateTime end, OffsetDateTime asOf, String group,
        String category, String tier, String channel, Map<String, Object> shared) {

    private static final Pattern CATEGORY = Pattern.compile("[A-Z][A-Z0-9_]{0,29}");
    /** The customer tiers a case or a customer may have (customer.Tier, lowest first). */
    public static final java.util.List<String> TIERS = java.util.List.of("RESIDENTIAL", "BUSINESS", "KEY", "STRATEGIC");
    /** The channels a case may come in by (cases.Channel). */
    public static final java.util.List<String> CHANNELS = java.util.List.of("HOTLINE", "WEB", "APP", "EMAIL", "WECHAT",
            "COUNTER", "SOCIAL", "SYSTEM");

    public static ReportScope of(YearMonth month, OffsetDateTime now, String group, String category) {
        return of(month, now, group, category, null, null);
    }

    public static ReportScope of(YearMonth month, OffsetDateTime now, String group, String category, String tier,
            String channel) {
        var start = month.atDay(1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime();
        var end = month.plusMonths(1).atDay(1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime();
        var asOf = now.isBefore(end) ? (now.isBefore(start) ? start : now) : end;
        return new ReportScope(month, start, end, asOf, blankToNull(group), blankToNull(category), blankToNull(tier),
                blankToNull(channel), new ConcurrentHashMap<>());
    }

    /** The month is over: its figures are as of its end and change only when past records do. */
    public boolean closed() {
        return asOf.equals(end);
    }

    /** Filtered by any of group, category, channel and tier. */
    public boolean filtered() {
        return group != null || category != null || channel != null || tier != null;
    }

    /** Filtered by a case attribute (group, category or channel): only facts of cases count. */
    public boolean byCase() {
        return group != null || category != null || channel != null;
    }

    /** @throws InvalidFieldException naming {@code month}, {@code group} or {@code category} */
    public static ReportScope parse(String month, String group, String category, OffsetDateTime now) {
        return parse(month, group, category, null, null, now);
    }

    /** @throws InvalidFieldException naming {@code month}, {@code group}, {@code category}, {@code tier} or {@code channel} */
    public static ReportScope parse(String month, String group, String category, String tier, String channel,
            OffsetDateTime now) {
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
        if (tier != null && !tier.isBlank() && !TIERS.contains(tier)) {
            throw new InvalidFieldException("tier", "must be one of " + String.join(", ", TIERS));
        }
        if (channel != null && !channel.isBlank() && !CHANNELS.contains(channel)) {
            throw new InvalidFieldException("channel", "must be one of " + String.join(", ", CHANNELS));
        }
        return of(parsed, now, group, category, tier, channel);
    }

    /**
     * What several sections of one report read alike (the complaints closed in the month, say), read once: the
     * value kept under {@code key} for this scope, made by {@code read} the first time. Sections run side by side:
     * a second caller waits for the first one's read.
     */
    @SuppressWarnings("unchecked")
    public <T> T shared(String key, Supplier<T> read) {
        var value = (FutureTask<T>) shared.computeIfAbsent(key, k -> new FutureTask<>(read::get));
        value.run();
        return Futures.join(value, "reading " + key);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
