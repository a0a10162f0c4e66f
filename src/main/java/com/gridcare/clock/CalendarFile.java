package com.gridcare.clock;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One calendar file of {@code rules/calendars/}, as an analyst writes it (see the README there):
 * {@code <calendar>-<year>.txt} for one year of a calendar, {@code <calendar>.txt} for a calendar
 * that is the same every year (no holidays, e.g. 24×7).
 */
record CalendarFile(String fileName, String calendarId, Integer year, String name, ZoneId zone,
        Set<DayOfWeek> workingDays, LocalTime opens, LocalTime closes, boolean closesAtMidnight,
        Map<LocalDate, String> holidays, Map<LocalDate, String> makeUpDays, String source) {

    private static final Pattern FILE_NAME = Pattern.compile("([a-z0-9][a-z0-9-]*?)(?:-(\\d{4}))?\\.txt");
    private static final Pattern HOURS = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*(?:-|–|to)\\s*(\\d{1,2}):(\\d{2})");
    private static final Pattern DAYS = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})(?:\\s*(?:\\.\\.|–|to)\\s*(\\d{4}-\\d{2}-\\d{2}))?\\s*(.*)");

    /** A mistake in a calendar file, named by file and line. */
    static final class Problem extends RuntimeException {
        Problem(String file, int line, String message) {
            super(line > 0 ? file + ":" + line + ": " + message : file + ": " + message);
        }
    }

    static boolean isCalendarFile(String path) {
        return !path.contains("/") && FILE_NAME.matcher(path).matches();
    }

    /** Working time on a working day. */
    long dayLengthMillis() {
        long close = closesAtMidnight ? 24 * 3_600_000L : closes.toSecondOfDay() * 1000L;
        return close - opens.toSecondOfDay() * 1000L;
    }

    static CalendarFile parse(String fileName, String text) {
        var nameMatch = FILE_NAME.matcher(fileName);
        if (!nameMatch.matches()) {
            throw new Problem(fileName, 0, "a calendar file is named <calendar>-<year>.txt (e.g. china-workdays-2026.txt)"
                    + " or <calendar>.txt, in lower-case letters, digits and '-'");
        }
        var calendarId = nameMatch.group(1);
        Integer fileYear = nameMatch.group(2) == null ? null : Integer.valueOf(nameMatch.group(2));
        Integer year = null;
        String name = null;
        String source = null;
        ZoneId zone = null;
        Set<DayOfWeek> workingDays = null;
        LocalTime opens = null;
        LocalTime closes = null;
        boolean closesAtMidnight = false;
        var holidays = new LinkedHashMap<LocalDate, String>();
        var makeUpDays = new LinkedHashMap<LocalDate, String>();
        record DayLine(int line, boolean holiday, LocalDate from, LocalDate to, String what) {}
        var dayLines = new ArrayList<DayLine>();

        var lines = text.replace("\uFEFF", "").split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            var line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new Problem(fileName, lineNo, "expected 'key: value', e.g. 'holiday: 2026-10-01..2026-10-07 National Day'");
            }
            var key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
            var value = line.substring(colon + 1).strip();
            switch (key) {
                case "name" -> name = value;
                case "source" -> source = value;
                case "year" -> {
                    try {
                        year = Integer.valueOf(value);
                    } catch (NumberFormatException e) {
                        throw new Problem(fileName, lineNo, "year: expected a year like 2026, got '" + value + "'");
                    }
                }
                case "zone", "time zone" -> {
                    try {
                        zone = ZoneId.of(value);
                    } catch (DateTimeException e) {
                        throw new Problem(fileName, lineNo, "zone: unknown time zone '" + value + "' (e.g. Asia/Shanghai)");
                    }
                }
                case "working days" -> workingDays = weekdays(fileName, lineNo, value);
                case "working hours" -> {
                    var m = HOURS.matcher(value);
                    if (!m.matches()) {
                        throw new Problem(fileName, lineNo, "working hours: expected e.g. '08:30-17:30', got '" + value + "'");
                    }
                    opens = time(fileName, lineNo, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                    int closeHour = Integer.parseInt(m.group(3));
                    int closeMinute = Integer.parseInt(m.group(4));
                    closesAtMidnight = closeHour == 24 && closeMinute == 0;
                    closes = closesAtMidnight ? LocalTime.MIDNIGHT : time(fileName, lineNo, closeHour, closeMinute);
                    if (!closesAtMidnight && !closes.isAfter(opens)) {
                        throw new Problem(fileName, lineNo, "working hours: the end must be after the start");
                    }
                }
                case "holiday", "day off", "working day", "make-up day", "make-up working day" -> {
                    var m = DAYS.matcher(value);
                    if (!m.matches()) {
                        throw new Problem(fileName, lineNo, key + ": expected a date like 2026-10-01, or a range "
                                + "2026-10-01..2026-10-07, then what it is; got '" + value + "'");
                    }
                    var from = date(fileName, lineNo, m.group(1));
                    var to = m.group(2) == null ? from : date(fileName, lineNo, m.group(2));
                    if (to.isBefore(from)) {
                        throw new Problem(fileName, lineNo, "the range ends before it starts");
                    }
                    dayLines.add(new DayLine(lineNo, key.equals("holiday") || key.equals("day off"), from, to,
                            m.group(3).strip()));
                }
                default -> throw new Problem(fileName, lineNo, "unknown key '" + key + "': use name, source, year, zone, "
                        + "working days, working hours, holiday or working day");
            }
        }
        if (zone == null) throw new Problem(fileName, 0, "missing 'zone: Asia/Shanghai'");
        if (workingDays == null) throw new Problem(fileName, 0, "missing 'working days: Monday-Friday'");
        if (opens == null) throw new Problem(fileName, 0, "missing 'working hours: 08:30-17:30'");
        if (fileYear != null && year == null) throw new Problem(fileName, 0, "missing 'year: " + fileYear + "'");
        if (fileYear != null && !fileYear.equals(year)) {
            throw new Problem(fileName, 0, "the file is named for " + fileYear + " but says 'year: " + year + "'");
        }
        if (fileYear == null && year != null) {
            throw new Problem(fileName, 0, "a calendar for one year is named <calendar>-" + year + ".txt");
        }
        if (fileYear == null && !dayLines.isEmpty()) {
            throw new Problem(fileName, dayLines.get(0).line(), "holidays and working days belong in a file per year, "
                    + "named <calendar>-<year>.txt");
        }
        for (var d : dayLines) {
            for (var day = d.from(); !day.isAfter(d.to()); day = day.plusDays(1)) {
                if (day.getYear() != year) {
                    throw new Problem(fileName, d.line(), day + " is not in " + year);
                }
                if (holidays.containsKey(day) || makeUpDays.containsKey(day)) {
                    throw new Problem(fileName, d.line(), day + " is listed twice");
                }
                if (d.holiday()) {
                    holidays.put(day, d.what());
                } else {
                    if (workingDays.contains(day.getDayOfWeek())) {
                        throw new Problem(fileName, d.line(), day + " is a " + day.getDayOfWeek().getDisplayName(
                                java.time.format.TextStyle.FULL, Locale.ENGLISH) + ", a working day anyway: "
                                + "make-up working days fall on days that are normally off");
                    }
                    makeUpDays.put(day, d.what());
                }
            }
        }
        return new CalendarFile(fileName, calendarId, year, name == null ? calendarId : name, zone,
                Set.copyOf(workingDays), opens, closes, closesAtMidnight, Map.copyOf(holidays), Map.copyOf(makeUpDays),
                source);
    }

    private static Set<DayOfWeek> weekdays(String file, int line, String value) {
        var v = value.toLowerCase(Locale.ROOT).strip();
        if (v.equals("every day") || v.equals("all days") || v.equals("monday-sunday")) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        var range = v.split("\\s*(?:-|–|to)\\s*");
        if (range.length == 2 && !v.contains(",")) {
            var from = weekday(file, line, range[0]);
            var to = weekday(file, line, range[1]);
            var days = EnumSet.noneOf(DayOfWeek.class);
            for (var d = from; ; d = d.plus(1)) {
                days.add(d);
                if (d == to) break;
            }
            return days;
        }
        var days = EnumSet.noneOf(DayOfWeek.class);
        for (var part : v.split("[,\\s]+")) {
            if (!part.isEmpty()) days.add(weekday(file, line, part));
        }
        if (days.isEmpty()) throw new Problem(file, line, "working days: name at least one day");
        return days;
    }

    private static DayOfWeek weekday(String file, int line, String word) {
        for (var d : DayOfWeek.values()) {
            var full = d.name().toLowerCase(Locale.ROOT);
            if (word.equals(full) || word.equals(full.substring(0, 3))) return d;
        }
        throw new Problem(file, line, "working days: '" + word + "' is not a day of the week (Monday … Sunday)");
    }

    private static LocalTime time(String file, int line, int hour, int minute) {
        try {
            return LocalTime.of(hour, minute);
        } catch (DateTimeException e) {
            throw new Problem(file, line, "working hours: " + hour + ":" + minute + " is not a time of day");
        }
    }

    private static LocalDate date(String file, int line, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Problem(file, line, "'" + text + "' is not a date (write dates as 2026-10-01)");
        }
    }
}
