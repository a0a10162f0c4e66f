package com.gridcare.complaint;

import com.gridcare.api.Idempotency;
import com.gridcare.kernel.AllowedGroups;
import com.gridcare.kernel.Groups;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ComplaintController {

    private final ComplaintIntake intake;
    private final Idempotency idempotency;

    ComplaintController(ComplaintIntake intake, Idempotency idempotency) {
        this.intake = intake;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/v1/complaints")
    @AllowedGroups({Groups.CHANNEL_SYSTEMS, Groups.CUSTOMER_SERVICE})
    ResponseEntity<ComplaintReceipt> register(
            @RequestHeader(value = Idempotency.HEADER, required = false) String idempotencyKey,
            @RequestBody @NotNull @Valid ComplaintRequest request) {
        return idempotency.once("complaint", idempotencyKey, request, ComplaintReceipt.class, () -> {
            var receipt = intake.register(request);
            return ResponseEntity.created(URI.create("/api/v1/cases/" + receipt.caseId())).body(receipt);
        });
    }
}
