package com.gridcare.clock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The calendars read from the files of {@code rules/calendars/}, by calendar id; immutable. */
public final class CalendarSet {

    private final Map<String, WorkingCalendar> calendars;
    private final String version;

    private CalendarSet(Map<String, WorkingCalendar> calendars, String version) {
        this.calendars = calendars;
        this.version = version;
    }

    /**
     * @param files the files of rules/calendars/ by name; files other than {@code *.txt} (the README) are ignored
     * @throws CalendarFile.Problem naming the file and line of the first mistake
     */
    public static CalendarSet parse(Map<String, byte[]> files, WorkingCalendar.FallbackListener listener) {
        var byCalendar = new TreeMap<String, List<CalendarFile>>();
        var digest = sha256();
        for (var file : new TreeMap<>(files).entrySet()) {
            if (!file.getKey().endsWith(".txt")) continue;
            var text = new String(file.getValue(), StandardCharsets.UTF_8);
            var parsed = CalendarFile.parse(file.getKey(), text);
            byCalendar.computeIfAbsent(parsed.calendarId(), k -> new ArrayList<>()).add(parsed);
            digest.update(file.getKey().getBytes(StandardCharsets.UTF_8));
            digest.update(file.getValue());
        }
        var calendars = new LinkedHashMap<String, WorkingCalendar>();
        for (var entry : byCalendar.entrySet()) {
            var list = entry.getValue();
            var zone = list.get(0).zone();
            for (var f : list) {
                if (!f.zone().equals(zone)) {
                    throw new CalendarFile.Problem(f.fileName(), 0, "zone " + f.zone() + " differs from " + zone
                            + " in " + list.get(0).fileName() + ": a calendar keeps one time zone");
                }
                if (f.year() == null && list.size() > 1) {
                    throw new CalendarFile.Problem(f.fileName(), 0, "calendar '" + entry.getKey()
                            + "' has both a file for every year and files per year: keep one kind");
                }
            }
            calendars.put(entry.getKey(), new WorkingCalendar(entry.getKey(), list, listener));
        }
        return new CalendarSet(Map.copyOf(calendars), HexFormat.of().formatHex(digest.digest()).substring(0, 12));
    }

    public Optional<WorkingCalendar> find(String id) {
        return Optional.ofNullable(calendars.get(id));
    }

    public WorkingCalendar get(String id) {
        var calendar = calendars.get(id);
        if (calendar == null) {
            throw new IllegalArgumentException("no calendar '" + id + "' in rules/calendars/ (there are "
                    + calendars.keySet() + ")");
        }
        return calendar;
    }

    public Map<String, WorkingCalendar> all() {
        return calendars;
    }

    /** Content hash of the calendar files. */
    public String version() {
        return version;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
