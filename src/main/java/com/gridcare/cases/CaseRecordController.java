package com.gridcare.cases;

import static com.gridcare.kernel.Groups.BILLING;
import static com.gridcare.kernel.Groups.CUSTOMER_SERVICE;
import static com.gridcare.kernel.Groups.FIELD_SERVICE;
import static com.gridcare.kernel.Groups.KEY_ACCOUNTS;
import static com.gridcare.kernel.Groups.METERING;
import static com.gridcare.kernel.Groups.SERVICE_MANAGERS;
import static com.gridcare.kernel.Groups.SUPERVISORS;
import static com.gridcare.kernel.Groups.SURVEY_TEAM;

import com.gridcare.api.ForbiddenException;
import com.gridcare.api.NotFoundException;
import com.gridcare.clock.ClockStatuses;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.kernel.AllowedGroups;
import com.gridcare.security.ApiUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;
import java.util.HashSet;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/cases/{caseId}/record}: the case of record, for staff who may see the case —
 * members of a group that had work on it (it was routed to, one of its tasks was for, or someone of
 * it acted), supervisors and service managers. Channel systems see the customer's view
 * ({@code GET /api/v1/cases/{caseId}}) only.
 */
@RestController
class CaseRecordController {

    private final CaseRepository cases;
    private final CaseRecords records;
    private final CaseSteps steps;
    private final CaseLinks links;
    private final ClockStatuses statuses;
    private final CustomerRepository customers;

    CaseRecordController(CaseRepository cases, CaseRecords records, CaseSteps steps, CaseLinks links,
            ClockStatuses statuses, CustomerRepository customers) {
        this.cases = cases;
        this.records = records;
        this.steps = steps;
        this.links = links;
        this.statuses = statuses;
        this.customers = customers;
    }

    @GetMapping("/api/v1/cases/{caseId}/record")
    @AllowedGroups({CUSTOMER_SERVICE, KEY_ACCOUNTS, FIELD_SERVICE, BILLING, METERING, SUPERVISORS, SERVICE_MANAGERS,
            SURVEY_TEAM})
    @Transactional(readOnly = true)
    CaseRecordView record(
            @PathVariable @Pattern(regexp = CaseController.CASE_ID, message = CaseController.CASE_ID_MESSAGE)
            String caseId, HttpServletRequest http) {
        var serviceCase = cases.find(caseId).orElseThrow(() -> new NotFoundException("caseId: no case " + caseId));
        var recorded = steps.steps(caseId);
        var user = ApiUser.of(http);
        if (!user.isAdmin() && !user.inAnyOf(SUPERVISORS, SERVICE_MANAGERS)) {
            var groups = new HashSet<>(steps.groups(caseId));
            if (serviceCase.assignedGroup() != null) groups.add(serviceCase.assignedGroup());
            if (groups.stream().noneMatch(user.groups()::contains)) {
                throw new ForbiddenException("caseId: case " + caseId + " is none of your groups' work");
            }
        }
        var customerName = customers.find(serviceCase.customerId()).map(c -> c.name()).orElse(null);
        var clockViews = statuses.ofCase(caseId).stream()
                .map(c -> CaseRecordView.clock(c, statuses.history(caseId, c.clock()))).toList();
        return CaseRecordView.of(serviceCase, customerName, clockViews, records.escalations(caseId),
                links.linked(caseId), records.history(caseId, true), recorded);
    }
}
