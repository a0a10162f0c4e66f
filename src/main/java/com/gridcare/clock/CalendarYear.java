package com.gridcare.clock;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * One year of a calendar, precomputed: for every day its start, its working window and the working
 * time of the year before it, so that the working time up to an instant, and the instant at which a
 * given working time is reached, are each a binary search over 366 entries.
 *
 * <p>Working time inside the year is counted in milliseconds from the start of the year ("worked").
 */
final class CalendarYear {

    final int year;
    /** Built by the Monday–Friday rule because the calendar has no file for this year. */
    final boolean fallback;
    /** Local midnight of 1 January, and of 1 January of the next year (epoch milliseconds). */
    final long start;
    final long end;
    /** Working time in the whole year. */
    final long total;

    private final long[] dayStart;
    private final long[] open;
    private final long[] length;
    private final long[] workedBefore;
    private final long[] workedAtClose;

    private CalendarYear(int year, boolean fallback, long[] dayStart, long[] open, long[] length) {
        this.year = year;
        this.fallback = fallback;
        this.dayStart = dayStart;
        this.open = open;
        this.length = length;
        int days = open.length;
        this.workedBefore = new long[days];
        this.workedAtClose = new long[days];
        long sum = 0;
        for (int d = 0; d < days; d++) {
            workedBefore[d] = sum;
            sum += length[d];
            workedAtClose[d] = sum;
        }
        this.total = sum;
        this.start = dayStart[0];
        this.end = dayStart[days];
    }

    /**
     * @param working which days of the year are working days
     * @param closesAtMidnight the working window ends at the next local midnight (24×7)
     */
    static CalendarYear build(int year, ZoneId zone, Predicate<LocalDate> working, LocalTime opens, LocalTime closes,
            boolean closesAtMidnight, boolean fallback) {
        var first = LocalDate.of(year, 1, 1);
        int days = first.lengthOfYear();
        var dayStart = new long[days + 1];
        var open = new long[days];
        var length = new long[days];
        for (int d = 0; d < days; d++) {
            var date = first.plusDays(d);
            dayStart[d] = date.atStartOfDay(zone).toInstant().toEpochMilli();
            if (working.test(date)) {
                open[d] = date.atTime(opens).atZone(zone).toInstant().toEpochMilli();
                long close = closesAtMidnight ? date.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli()
                        : date.atTime(closes).atZone(zone).toInstant().toEpochMilli();
                length[d] = close - open[d];
            } else {
                open[d] = dayStart[d];
            }
        }
        dayStart[days] = first.plusYears(1).atStartOfDay(zone).toInstant().toEpochMilli();
        return new CalendarYear(year, fallback, dayStart, open, length);
    }

    boolean contains(long t) {
        return t >= start && t < end;
    }

    private int dayOf(long t) {
        int i = Arrays.binarySearch(dayStart, t);
        return i >= 0 ? i : -i - 2;
    }

    /** Working time from the start of the year up to {@code t} (in this year, or its end). */
    long workedUntil(long t) {
        if (t >= end) return total;
        int d = dayOf(t);
        long into = t - open[d];
        if (into <= 0) return workedBefore[d];
        return workedBefore[d] + Math.min(into, length[d]);
    }

    /** The earliest instant at which {@code worked} (0 &lt; worked ≤ total) working time of the year is reached. */
    long instantAt(long worked) {
        int i = Arrays.binarySearch(workedAtClose, worked);
        int d;
        if (i >= 0) {
            // several days may close at the same total (days off in between): the first is a working day
            d = i;
            while (d > 0 && workedAtClose[d - 1] == worked) d--;
        } else {
            d = -i - 1;
        }
        return open[d] + (worked - workedBefore[d]);
    }

    boolean isWorkingTime(long t) {
        int d = dayOf(t);
        return length[d] > 0 && t >= open[d] && t < open[d] + length[d];
    }

    boolean isWorkingDay(LocalDate date) {
        return length[date.getDayOfYear() - 1] > 0;
    }
}
