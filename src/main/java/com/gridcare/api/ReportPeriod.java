package com.gridcare.api;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The period of a report, {@code from} and {@code to} as Beijing dates with both ends included, checked
 * as the report APIs take them ({@code ?from=2026-01-01&to=2026-03-31}), and the answer in JSON or CSV.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    /** The longest period a report covers: two years. */
    public static final int MAX_DAYS = 731;

    /** @throws InvalidFieldException naming {@code from}, {@code to} */
    public static ReportPeriod of(String from, String to) {
        var start = date("from", from);
        var end = date("to", to);
        if (end.isBefore(start)) {
            throw new InvalidFieldException("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw new InvalidFieldException("to", "at most " + MAX_DAYS + " days after from");
        }
        return new ReportPeriod(start, end);
    }

    /**
     * The report as JSON ({@code format} absent or {@code json}) or CSV ({@code csv}, a download named
     * {@code name-from-to.csv}).
     *
     * @throws InvalidFieldException naming {@code format} for anything else
     */
    public ResponseEntity<?> answer(String format, String name, Object json, java.util.function.Supplier<String> csv) {
        if (format == null || format.equals("json")) {
            return ResponseEntity.ok(json);
        }
        if (format.equals("csv")) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header("Content-Disposition", "attachment; filename=\"" + name + "-" + from + "-" + to + ".csv\"")
                    .body(csv.get());
        }
        throw new InvalidFieldException("format", "must be json or csv");
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
