package com.gridcare.customer;

import com.gridcare.kernel.Identifiers;

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

/** A customer's monthly consumption and payments for staff's chart. */
@RestController
@Validated
class ConsumptionController {

    private final ConsumptionHistory history;

    ConsumptionController(ConsumptionHistory history) {
        this.history = history;
    }

    @GetMapping("/api/v1/customers/{id}/consumption")
    @AllowedGroups({CUSTOMER_SERVICE, KEY_ACCOUNTS, FIELD_SERVICE, BILLING, METERING, SUPERVISORS, SERVICE_MANAGERS,
            SURVEY_TEAM})
    ConsumptionHistory.Chart consumption(
            @PathVariable @Pattern(regexp = Identifiers.CUSTOMER_ID, message = Identifiers.CUSTOMER_ID_MESSAGE)
            String id,
            @RequestParam(defaultValue = "24") @Min(1) @Max(120) int months) {
        return history.lastMonths(id, months);
    }
}
