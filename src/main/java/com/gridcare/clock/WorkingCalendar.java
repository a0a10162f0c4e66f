package com.gridcare.clock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A working-time calendar: which days are working days and the working hours on them, year by year,
 * from the calendar files under {@code rules/calendars/}. Immutable and thread safe.
 *
 * <p>Semantics (docs/product-guide.md, "Service levels"): working time is counted only inside working hours on
 * working days; work received outside working time starts at the next working minute; a due date is
 * the earliest instant at which the working time is reached (so one working day from 08:30 is 17:30
 * the same day). A year without a file counts Monday to Friday with the calendar's usual hours and
 * reports itself through the {@link FallbackListener}.
 */
public final class WorkingCalendar {

    /** Told whenever a computation uses a year that has no calendar file. */
    @FunctionalInterface
    public interface FallbackListener {
        void fallbackYearUsed(String calendarId, int year);
    }

    static final int FIRST_YEAR = 1971;
    static final int LAST_YEAR = 2199;

    private final String id;
    private final String name;
    private final ZoneId zone;
    private final TreeMap<Integer, CalendarFile> files;
    private final CalendarFile everyYear;
    private final FallbackListener listener;
    private final long workingDayMillis;
    private final Map<Integer, CalendarYear> years = new ConcurrentHashMap<>();
    private volatile CalendarYear lastUsed;

    WorkingCalendar(String id, List<CalendarFile> calendarFiles, FallbackListener listener) {
        this.id = id;
        this.listener = listener;
        this.files = new TreeMap<>();
        CalendarFile every = null;
        for (var f : calendarFiles) {
            if (f.year() == null) every = f;
            else files.put(f.year(), f);
        }
        this.everyYear = every;
        var latest = every != null ? every : files.lastEntry().getValue();
        this.name = latest.name();
        this.zone = latest.zone();
        this.workingDayMillis = latest.dayLengthMillis();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The working time of one working day (9 hours for 08:30–17:30; 24 hours around the clock). */
    public Duration workingDay() {
        return Duration.ofMillis(workingDayMillis);
    }

    /** True for a calendar that counts every hour of every day (clock time). */
    public boolean isAroundTheClock() {
        return everyYear != null && workingDayMillis == Duration.ofHours(24).toMillis()
                && everyYear.workingDays().size() == 7;
    }

    /** The years that have a calendar file (empty for a calendar that is the same every year). */
    public Set<Integer> yearsWithFile() {
        return Set.copyOf(files.keySet());
    }

    /** True when dates of {@code year} are counted from a file, not by the Monday–Friday fallback. */
    public boolean covers(int year) {
        return everyYear != null || files.containsKey(year);
    }

    /** Adds working time to an instant: the due date of work received at {@code start}. */
    public Instant add(Instant start, Duration workingTime) {
        if (workingTime.isNegative()) return subtract(start, workingTime.negated());
        long t = start.toEpochMilli();
        long d = workingTime.toMillis();
        if (d == 0) return nextWorkingInstant(start);
        var y = yearOf(t);
        long x = y.workedUntil(t) + d;
        while (x > y.total) {
            x -= y.total;
            y = year(y.year + 1);
        }
        return Instant.ofEpochMilli(y.instantAt(x));
    }

    /** The earliest instant {@code workingTime} before {@code end} (e.g. an alarm one working day before a due date). */
    public Instant subtract(Instant end, Duration workingTime) {
        if (workingTime.isNegative()) return add(end, workingTime.negated());
        long t = end.toEpochMilli();
        var y = yearOf(t);
        long x = y.workedUntil(t) - workingTime.toMillis();
        while (x <= 0) {
            y = year(y.year - 1);
            x += y.total;
        }
        return Instant.ofEpochMilli(y.instantAt(x));
    }

    /** Working time from {@code from} to {@code to}; negative when {@code to} is earlier. */
    public Duration between(Instant from, Instant to) {
        if (to.isBefore(from)) return between(to, from).negated();
        long a = from.toEpochMilli();
        long b = to.toEpochMilli();
        if (a == b) return Duration.ZERO;
        var ya = yearOf(a);
        // the year holding the last millisecond counted, so that an end at midnight of 1 January touches no new year
        var yb = ya.contains(b - 1) ? ya : yearOf(b - 1);
        if (ya.year == yb.year) return Duration.ofMillis(yb.workedUntil(b) - ya.workedUntil(a));
        long sum = ya.total - ya.workedUntil(a);
        for (int year = ya.year + 1; year < yb.year; year++) sum += year(year).total;
        return Duration.ofMillis(sum + yb.workedUntil(b));
    }

    public boolean isWorkingTime(Instant t) {
        long ms = t.toEpochMilli();
        return yearOf(ms).isWorkingTime(ms);
    }

    public boolean isWorkingDay(LocalDate date) {
        return year(date.getYear()).isWorkingDay(date);
    }

    /** {@code t} when it is working time, otherwise the start of the next working time. */
    public Instant nextWorkingInstant(Instant t) {
        if (isWorkingTime(t)) return t;
        return add(t, Duration.ofMillis(1)).minusMillis(1);
    }

    private CalendarYear yearOf(long t) {
        var last = lastUsed;
        if (last != null) {
            var y = last.contains(t) ? last : years.get(t < last.start ? last.year - 1 : last.year + 1);
            if (y != null && y.contains(t)) {
                if (y.fallback) listener.fallbackYearUsed(id, y.year);
                lastUsed = y;
                return y;
            }
        }
        var y = year(LocalDate.ofInstant(Instant.ofEpochMilli(t), zone).getYear());
        lastUsed = y;
        return y;
    }

    private CalendarYear year(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("calendar " + id + " counts working time from " + FIRST_YEAR
                    + " to " + LAST_YEAR + ", not in " + year);
        }
        var y = years.computeIfAbsent(year, this::build);
        if (y.fallback) listener.fallbackYearUsed(id, year);
        return y;
    }

    private CalendarYear build(int year) {
        if (everyYear != null) return build(year, everyYear, false);
        var file = files.get(year);
        if (file != null) return build(year, file, false);
        // no file: the usual working days and hours of the nearest earlier year (or the earliest), no holidays
        var template = files.floorEntry(year) != null ? files.floorEntry(year).getValue()
                : files.values().stream().min(Comparator.comparing(CalendarFile::year)).orElseThrow();
        var days = template.workingDays();
        return CalendarYear.build(year, zone, date -> days.contains(date.getDayOfWeek()), template.opens(),
                template.closes(), template.closesAtMidnight(), true);
    }

    private CalendarYear build(int year, CalendarFile f, boolean fallback) {
        return CalendarYear.build(year, zone,
                date -> f.makeUpDays().containsKey(date)
                        || (f.workingDays().contains(date.getDayOfWeek()) && !f.holidays().containsKey(date)),
                f.opens(), f.closes(), f.closesAtMidnight(), fallback);
    }
}
