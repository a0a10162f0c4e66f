package com.gridcare.clock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * The time left on a clock as staff read it, in English and Chinese: "1.5 working days left / 剩余
 * 1.5 个工作日", "overdue by 3 working hours / 已超时 3 个工作小时". Time left is rounded down and time
 * overdue rounded up, so that a clock never looks better than it is.
 */
final class TimeLeft {

    private record Amount(String english, String chinese) {
    }

    private static final long HOUR = Duration.ofHours(1).toMillis();
    private static final long MINUTE = Duration.ofMinutes(1).toMillis();

    private TimeLeft() {
    }

    /** "2 working days / 2 个工作日": an amount of working time (clock time for a 24×7 calendar), rounded down. */
    static String amount(Duration duration, WorkingCalendar calendar) {
        if (duration.isZero()) return "no time / 0";
        var a = amount(duration.abs().toMillis(), calendar, false);
        return a.english() + " / " + a.chinese();
    }

    /** @param left working time (or clock time, for a 24×7 calendar) until the due date; negative when overdue */
    static String describe(Duration left, WorkingCalendar calendar) {
        if (left.isZero()) return "due now / 已到期";
        boolean overdue = left.isNegative();
        long millis = left.abs().toMillis();
        var amount = amount(millis, calendar, overdue);
        return overdue ? "overdue by " + amount.english() + " / 已超时 " + amount.chinese()
                : amount.english() + " left / 剩余 " + amount.chinese();
    }

    private static Amount amount(long millis, WorkingCalendar calendar, boolean roundUp) {
        boolean clock = calendar.isAroundTheClock();
        long day = clock ? Duration.ofDays(1).toMillis() : calendar.workingDay().toMillis();
        if (millis >= day) {
            return amount(millis, day, roundUp, clock ? "day" : "working day", clock ? "天" : "个工作日");
        }
        if (millis >= HOUR) {
            return amount(millis, HOUR, roundUp, clock ? "hour" : "working hour", clock ? "小时" : "个工作小时");
        }
        long minutes = roundUp ? -Math.floorDiv(-millis, MINUTE) : millis / MINUTE;
        return new Amount(minutes + (clock ? " minute" : " working minute") + (minutes == 1 ? "" : "s"),
                minutes + " 分钟" + (clock ? "" : "（工作时间）"));
    }

    private static Amount amount(long millis, long unit, boolean roundUp, String english, String chinese) {
        var value = BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(unit), 1,
                roundUp ? RoundingMode.CEILING : RoundingMode.FLOOR).stripTrailingZeros();
        var n = value.toPlainString();
        return new Amount(n + " " + english + (value.compareTo(BigDecimal.ONE) == 0 ? "" : "s"), n + " " + chinese);
    }
}
