package com.gridcare.contact;

import com.gridcare.api.Idempotency;
import com.gridcare.kernel.AllowedGroups;
import com.gridcare.security.ApiUser;
import com.gridcare.kernel.Groups;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** "Register a call" in Tasklist: the front line, key accounts and supervisors take a caller's complaint, request or enquiry. */
@RestController
class CallController {

    private final CallRegistration calls;
    private final Idempotency idempotency;

    CallController(CallRegistration calls, Idempotency idempotency) {
        this.calls = calls;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/v1/calls")
    @AllowedGroups({Groups.CUSTOMER_SERVICE, Groups.KEY_ACCOUNTS, Groups.SUPERVISORS})
    ResponseEntity<CallReceipt> register(
            @RequestHeader(value = Idempotency.HEADER, required = false) String idempotencyKey,
            @RequestBody @NotNull @Valid CallRequest request, HttpServletRequest http) {
        var by = ApiUser.of(http).id();
        return idempotency.once("call", idempotencyKey, request, CallReceipt.class, () -> {
            var receipt = calls.register(request, by);
            var location = receipt.caseId() != null ? "/api/v1/cases/" + receipt.caseId()
                    : "/api/v1/customers/" + receipt.customerId() + "/timeline";
            return ResponseEntity.created(URI.create(location)).body(receipt);
        });
    }
}
