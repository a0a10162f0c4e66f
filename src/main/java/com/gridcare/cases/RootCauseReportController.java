package com.gridcare.cases;

import static com.gridcare.kernel.Groups.SERVICE_MANAGERS;
import static com.gridcare.kernel.Groups.SUPERVISORS;

import com.gridcare.api.ReportPeriod;
import com.gridcare.kernel.AllowedGroups;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/reports/root-causes?from=2026-01-01&to=2026-03-31[&format=csv]}. */
@RestController
class RootCauseReportController {

    private final RootCauseReport reports;

    RootCauseReportController(RootCauseReport reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/reports/root-causes")
    @AllowedGroups({SUPERVISORS, SERVICE_MANAGERS})
    ResponseEntity<?> rootCauses(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String format) {
        var period = ReportPeriod.of(from, to);
        var report = reports.of(period.from(), period.to());
        return period.answer(format, "root-causes", report, report::csv);
    }
}
