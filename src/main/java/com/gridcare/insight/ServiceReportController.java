package com.gridcare.insight;

import static com.gridcare.kernel.Groups.SERVICE_MANAGERS;
import static com.gridcare.kernel.Groups.SUPERVISORS;

import com.gridcare.api.InvalidFieldException;
import com.gridcare.kernel.AllowedGroups;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/service?month=2026-11[&group=billing][&category=BILLING][&tier=KEY][&channel=WEB][&format=json|csv|xlsx]}
 * and the cases behind a figure, {@code GET /api/v1/reports/service/cases?month=…&section=sla&figure=breached&row=…};
 * {@code POST /api/v1/reports/service/rollup?month=2026-11} sums a closed month ahead now rather than the coming night
 * (after correcting its records, say).
 */
@RestController
class ServiceReportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ServiceReport reports;
    private final ReportRollUp rollUp;
    private final Clock clock;

    ServiceReportController(ServiceReport reports, ReportRollUp rollUp, Clock clock) {
        this.reports = reports;
        this.rollUp = rollUp;
        this.clock = clock;
    }

    @org.springframework.web.bind.annotation.PostMapping("/api/v1/reports/service/rollup")
    @AllowedGroups(SERVICE_MANAGERS)
    ReportRollUp.Result rollUp(@RequestParam(required = false) String month) {
        return rollUp.rollUp(ReportScope.parse(month, null, null, OffsetDateTime.now(clock)).month());
    }

    @GetMapping("/api/v1/reports/service")
    @AllowedGroups({SUPERVISORS, SERVICE_MANAGERS})
    ResponseEntity<?> report(@RequestParam(required = false) String month, @RequestParam(required = false) String group,
            @RequestParam(required = false) String category, @RequestParam(required = false) String tier,
            @RequestParam(required = false) String channel, @RequestParam(required = false) String format) {
        var scope = ReportScope.parse(month, group, category, tier, channel, OffsetDateTime.now(clock));
        if (format != null && !format.equals("json") && !format.equals("csv") && !format.equals("xlsx")) {
            throw new InvalidFieldException("format", "must be json, csv or xlsx");
        }
        var report = reports.of(scope);
        var name = "service-report-" + scope.month() + (scope.group() == null ? "" : "-" + scope.group())
                + (scope.tier() == null ? "" : "-" + scope.tier()) + (scope.channel() == null ? "" : "-" + scope.channel());
        if (format == null || format.equals("json")) {
            return ResponseEntity.ok(report);
        }
        if (format.equals("csv")) {
            return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                    .body(ServiceReportFormats.csv(report));
        }
        return ResponseEntity.ok().contentType(XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + name + ".xlsx\"")
                .body(ServiceReportFormats.xlsx(report));
    }

    @GetMapping("/api/v1/reports/service/cases")
    @AllowedGroups({SUPERVISORS, SERVICE_MANAGERS})
    ServiceReport.CaseList cases(@RequestParam(required = false) String month,
            @RequestParam(required = false) String group, @RequestParam(required = false) String category,
            @RequestParam(required = false) String tier, @RequestParam(required = false) String channel,
            @RequestParam(required = false) String section, @RequestParam(required = false) String figure,
            @RequestParam(required = false) String row) {
        var scope = ReportScope.parse(month, group, category, tier, channel, OffsetDateTime.now(clock));
        if (section == null || section.isBlank()) throw new InvalidFieldException("section", "is required");
        if (figure == null || figure.isBlank()) throw new InvalidFieldException("figure", "is required");
        return reports.cases(scope, section, figure, row);
    }
}
