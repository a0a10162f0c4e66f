package com.gridcare.workspace;

import static com.gridcare.kernel.Groups.BILLING;
import static com.gridcare.kernel.Groups.CUSTOMER_SERVICE;
import static com.gridcare.kernel.Groups.FIELD_SERVICE;
import static com.gridcare.kernel.Groups.KEY_ACCOUNTS;
import static com.gridcare.kernel.Groups.METERING;
import static com.gridcare.kernel.Groups.SERVICE_MANAGERS;
import static com.gridcare.kernel.Groups.SUPERVISORS;
import static com.gridcare.kernel.Groups.SURVEY_TEAM;

import com.gridcare.kernel.AllowedGroups;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/customers/{id}/timeline}: everything between GridCare and the customer, newest first. */
@RestController
@Validated
class TimelineController {

    private final CustomerTimeline timeline;

    TimelineController(CustomerTimeline timeline) {
        this.timeline = timeline;
    }

    @GetMapping("/api/v1/customers/{id}/timeline")
    @AllowedGroups({CUSTOMER_SERVICE, KEY_ACCOUNTS, FIELD_SERVICE, BILLING, METERING, SUPERVISORS, SERVICE_MANAGERS,
            SURVEY_TEAM})
    CustomerTimeline.Timeline timeline(
            @PathVariable @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$",
                    message = "must be 1 to 32 letters, digits, '-' or '_'") String id,
            @RequestParam(defaultValue = "200") @Min(1) @Max(CustomerTimeline.PER_SOURCE) int limit) {
        return timeline.of(id, limit);
    }
}
