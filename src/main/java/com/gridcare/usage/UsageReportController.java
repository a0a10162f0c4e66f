package com.gridcare.usage;

import static com.gridcare.kernel.Groups.BILLING;
import static com.gridcare.kernel.Groups.CHANNEL_SYSTEMS;
import static com.gridcare.kernel.Groups.CUSTOMER_SERVICE;
import static com.gridcare.kernel.Groups.KEY_ACCOUNTS;
import static com.gridcare.kernel.Groups.SERVICE_MANAGERS;
import static com.gridcare.kernel.Groups.SUPERVISORS;

import com.gridcare.security.ApiUser;
import com.gridcare.kernel.AllowedGroups;
import com.gridcare.kernel.Identifiers;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Personal usage reports: a customer's report of a period (also as the PDF key accounts get), and a run. */
@RestController
@Validated
class UsageReportController {

    record RunRequest(@NotNull @Pattern(regexp = UsagePeriod.PATTERN, message = UsagePeriod.MESSAGE) String period) {}

    private final UsageReports reports;
    private final UsageReportPdf pdf;

    UsageReportController(UsageReports reports, UsageReportPdf pdf) {
        this.reports = reports;
        this.pdf = pdf;
    }

    @GetMapping("/api/v1/customers/{id}/usage-reports/{period}")
    @AllowedGroups({CHANNEL_SYSTEMS, CUSTOMER_SERVICE, KEY_ACCOUNTS, BILLING, SUPERVISORS, SERVICE_MANAGERS})
    UsageReport report(
            @PathVariable @Pattern(regexp = Identifiers.CUSTOMER_ID, message = Identifiers.CUSTOMER_ID_MESSAGE) String id,
            @PathVariable @Pattern(regexp = UsagePeriod.PATTERN, message = UsagePeriod.MESSAGE) String period) {
        return reports.report(id, period);
    }

    @GetMapping("/api/v1/customers/{id}/usage-reports/{period}/pdf")
    @AllowedGroups({CHANNEL_SYSTEMS, CUSTOMER_SERVICE, KEY_ACCOUNTS, BILLING, SUPERVISORS, SERVICE_MANAGERS})
    ResponseEntity<byte[]> reportPdf(
            @PathVariable @Pattern(regexp = Identifiers.CUSTOMER_ID, message = Identifiers.CUSTOMER_ID_MESSAGE) String id,
            @PathVariable @Pattern(regexp = UsagePeriod.PATTERN, message = UsagePeriod.MESSAGE) String period) {
        var report = reports.report(id, period);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "attachment; filename=\"usage-report-" + id + "-" + period + ".pdf\"")
                .body(pdf.pdf(report));
    }

    @PostMapping("/api/v1/usage-reports/runs")
    @AllowedGroups(SERVICE_MANAGERS)
    UsageReports.Run run(@RequestBody @NotNull @Valid RunRequest request, HttpServletRequest http) {
        return reports.run(UsagePeriod.parse(request.period()), ApiUser.of(http).id());
    }
}
