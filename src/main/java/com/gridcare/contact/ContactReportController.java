package com.gridcare.contact;

import static com.gridcare.kernel.Groups.SERVICE_MANAGERS;
import static com.gridcare.kernel.Groups.SUPERVISORS;

import com.gridcare.kernel.EngineClock;
import com.gridcare.api.Csv;
import com.gridcare.api.InvalidFieldException;
import com.gridcare.api.ReportPeriod;
import com.gridcare.kernel.AllowedGroups;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/contacts?from=2026-01-01&to=2026-03-31[&format=csv]}: registered contacts
 * by month (Beijing time), channel and kind, calls that opened a case included.
 */
@RestController
class ContactReportController {

    record Row(String month, String channel, ContactKind kind, long contacts) {}

    record Report(LocalDate from, LocalDate to, long contacts, List<Row> rows) {

        String csv() {
            var out = Csv.withHeader("month", "channel", "kind", "contacts");
            rows.forEach(r -> out.row(r.month(), r.channel(), r.kind(), r.contacts()));
            return out.toString();
        }
    }

    private final Contacts contacts;

    ContactReportController(Contacts contacts) {
        this.contacts = contacts;
    }

    @GetMapping("/api/v1/reports/contacts")
    @AllowedGroups({SUPERVISORS, SERVICE_MANAGERS})
    ResponseEntity<?> contacts(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String format) {
        var period = ReportPeriod.of(from, to);
        var start = period.from();
        var end = period.to();
        if (format != null && !format.equals("json") && !format.equals("csv")) {
            throw new InvalidFieldException("format", "must be json or csv");
        }
        var found = contacts.between(start.atStartOfDay(EngineClock.ZONE).toOffsetDateTime(),
                end.plusDays(1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime());
        Map<String, Long> counts = found.stream().collect(Collectors.groupingBy(
                c -> YearMonth.from(c.registeredAt().atZoneSameInstant(EngineClock.ZONE)) + "\t" + c.channel() + "\t"
                        + c.kind(), TreeMap::new, Collectors.counting()));
        var rows = counts.entrySet().stream().map(e -> {
            var key = e.getKey().split("\t");
            return new Row(key[0], key[1], ContactKind.valueOf(key[2]), e.getValue());
        }).toList();
        var report = new Report(start, end, found.size(), rows);
        return period.answer(format, "contacts", report, report::csv);
    }
}
