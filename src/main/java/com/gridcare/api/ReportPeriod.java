package com.gridcare.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The days a report covers, from its {@code from} and {@code to} parameters (both days included). */
public record ReportPeriod(LocalDate from, LocalDate to) {

    /** 400 naming {@code from} or {@code to} when missing, not a date, backwards or longer than {@code maxDays}. */
    public static ReportPeriod of(String from, String to, int maxDays) {
        var start = date("from", from);
        var end = date("to", to);
        if (end.isBefore(start)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(start, end) >= maxDays) {
            throw new InvalidFieldException("to", "at most " + maxDays + " days after from");
        }
        return new ReportPeriod(start, end);
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "is required: a date like 2026-01-31");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(field, "must be a date like 2026-01-31");
        }
    }
}
