package com.gridcare.survey;

import static com.gridcare.security.Groups.ADMINS;
import static com.gridcare.security.Groups.SERVICE_MANAGERS;
import static com.gridcare.security.Groups.SUPERVISORS;
import static com.gridcare.security.Groups.SURVEY_TEAM;

import com.gridcare.api.InvalidFieldException;
import com.gridcare.api.ReportPeriod;
import com.gridcare.security.AllowedGroups;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/reports/satisfaction?from=2026-01-01&to=2026-03-31[&format=csv]}. */
@RestController
class SatisfactionReportController {

    static final int MAX_DAYS = 731;

    private final SatisfactionReport reports;

    SatisfactionReportController(SatisfactionReport reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/reports/satisfaction")
    @AllowedGroups({SERVICE_MANAGERS, SUPERVISORS, SURVEY_TEAM, ADMINS})
    ResponseEntity<?> satisfaction(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String format) {
        var period = ReportPeriod.of(from, to, MAX_DAYS);
        var start = period.from();
        var end = period.to();
        var report = reports.of(start, end);
        if (format == null || format.equals("json")) {
            return ResponseEntity.ok(report);
        }
        if (format.equals("csv")) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .header("Content-Disposition", "attachment; filename=\"satisfaction-" + start + "-" + end + ".csv\"")
                    .body(report.csv());
        }
        throw new InvalidFieldException("format", "must be json or csv");
    }
}
