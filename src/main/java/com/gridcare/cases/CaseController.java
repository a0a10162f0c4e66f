package com.gridcare.cases;

import com.gridcare.kernel.Identifiers;
import static com.gridcare.kernel.Groups.BILLING;
import static com.gridcare.kernel.Groups.CHANNEL_SYSTEMS;
import static com.gridcare.kernel.Groups.CUSTOMER_SERVICE;
import static com.gridcare.kernel.Groups.FIELD_SERVICE;
import static com.gridcare.kernel.Groups.KEY_ACCOUNTS;
import static com.gridcare.kernel.Groups.METERING;
import static com.gridcare.kernel.Groups.SERVICE_MANAGERS;
import static com.gridcare.kernel.Groups.SUPERVISORS;
import static com.gridcare.kernel.Groups.SURVEY_TEAM;

import com.gridcare.api.Idempotency;
import com.gridcare.clock.CaseClocks;
import com.gridcare.api.NotFoundException;
import com.gridcare.kernel.AllowedGroups;
import com.gridcare.security.ApiUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Status look-up and withdrawal of a case, for channel systems and staff. */
@RestController
class CaseController {

    static final String CASE_ID = Identifiers.CASE_NUMBER;
    static final String CASE_ID_MESSAGE = Identifiers.CASE_NUMBER_MESSAGE;

    /** {@code POST /cases/{caseId}/withdrawal}: the customer's reason, optional. */
    record WithdrawalRequest(@Size(max = 500) String reason) {}

    private final CaseRepository cases;
    private final CaseRecords records;
    private final CaseWithdrawal withdrawal;
    private final CaseClocks clocks;
    private final Idempotency idempotency;

    CaseController(CaseRepository cases, CaseRecords records, CaseWithdrawal withdrawal,
            CaseClocks clocks, Idempotency idempotency) {
        this.cases = cases;
        this.records = records;
        this.withdrawal = withdrawal;
        this.clocks = clocks;
        this.idempotency = idempotency;
    }

    @GetMapping("/api/v1/cases/{caseId}")
    @AllowedGroups({CHANNEL_SYSTEMS, CUSTOMER_SERVICE, KEY_ACCOUNTS, FIELD_SERVICE, BILLING, METERING, SUPERVISORS,
            SERVICE_MANAGERS, SURVEY_TEAM})
    CaseStatusView status(@PathVariable @Pattern(regexp = CASE_ID, message = CASE_ID_MESSAGE) String caseId) {
        var serviceCase = cases.find(caseId).orElseThrow(() -> new NotFoundException("caseId: no case " + caseId));
        return CaseStatusView.of(serviceCase, clocks.ofCase(caseId), records.history(caseId, false));
    }

    @PostMapping("/api/v1/cases/{caseId}/withdrawal")
    @AllowedGroups({CHANNEL_SYSTEMS, CUSTOMER_SERVICE, KEY_ACCOUNTS})
    ResponseEntity<CaseWithdrawal.Receipt> withdraw(
            @PathVariable @Pattern(regexp = CASE_ID, message = CASE_ID_MESSAGE) String caseId,
            @RequestHeader(value = Idempotency.HEADER, required = false) String idempotencyKey,
            @RequestBody(required = false) @Valid WithdrawalRequest request,
            HttpServletRequest http) {
        var reason = request == null || request.reason() == null || request.reason().isBlank() ? null
                : request.reason().strip();
        var identity = new LinkedHashMap<String, String>();
        identity.put("caseId", caseId);
        identity.put("reason", reason);
        var by = ApiUser.of(http).id();
        return idempotency.once("case-withdrawal", idempotencyKey, identity, CaseWithdrawal.Receipt.class,
                () -> ResponseEntity.status(HttpStatus.ACCEPTED).body(withdrawal.request(caseId, reason, by)));
    }
}
