package com.gridcare.survey;

import static com.gridcare.kernel.Groups.ADMINS;
import static com.gridcare.kernel.Groups.SERVICE_MANAGERS;
import static com.gridcare.kernel.Groups.SUPERVISORS;
import static com.gridcare.kernel.Groups.SURVEY_TEAM;

import com.gridcare.api.ReportPeriod;
import com.gridcare.kernel.AllowedGroups;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/reports/satisfaction?from=2026-01-01&to=2026-03-31[&format=csv]}. */
@RestController
class SatisfactionReportController {

    private final SatisfactionReport reports;

    SatisfactionReportController(SatisfactionReport reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/reports/satisfaction")
    @AllowedGroups({SERVICE_MANAGERS, SUPERVISORS, SURVEY_TEAM, ADMINS})
    ResponseEntity<?> satisfaction(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String format) {
        var period = ReportPeriod.of(from, to);
        var report = reports.of(period.from(), period.to());
        return period.answer(format, "satisfaction", report, report::csv);
    }
}
