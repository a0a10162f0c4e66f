package com.gridcare.clock;

import java.math.BigDecimal;
import java.time.Duration;

/** The unit of an SLA target. Working days and hours count working time; hours and minutes are meant for clock time. */
public enum TargetUnit {
    WORKING_DAYS("working day", "working days", "个工作日"),
    WORKING_HOURS("working hour", "working hours", "个工作小时"),
    HOURS("hour", "hours", "小时"),
    MINUTES("minute", "minutes", "分钟");

    private final String one;
    private final String many;
    private final String chinese;

    TargetUnit(String one, String many, String chinese) {
        this.one = one;
        this.many = many;
        this.chinese = chinese;
    }

    public boolean isWorkingTime() {
        return this == WORKING_DAYS || this == WORKING_HOURS;
    }

    /** The standard working day (08:30–17:30) where no calendar is at hand. */
    static final Duration STANDARD_WORKING_DAY = Duration.ofHours(9);

    /**
     * The amount as time counted in {@code calendar}: a working day is the calendar's working hours of
     * one day (the standard 9 hours when {@code calendar} is null).
     */
    public Duration toDuration(BigDecimal amount, WorkingCalendar calendar) {
        var perUnit = switch (this) {
            case WORKING_DAYS -> calendar == null ? STANDARD_WORKING_DAY : calendar.workingDay();
            case WORKING_HOURS, HOURS -> Duration.ofHours(1);
            case MINUTES -> Duration.ofMinutes(1);
        };
        return Duration.ofMillis(amount.multiply(BigDecimal.valueOf(perUnit.toMillis())).longValueExact());
    }

    /** "7 working days / 7 个工作日". */
    public String describe(BigDecimal amount) {
        var n = amount.stripTrailingZeros().toPlainString();
        return n + " " + (amount.compareTo(BigDecimal.ONE) == 0 ? one : many) + " / " + n + " " + chinese;
    }
}
