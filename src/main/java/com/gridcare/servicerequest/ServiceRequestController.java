package com.gridcare.servicerequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridcare.api.Idempotency;
import com.gridcare.api.InvalidFieldException;
import com.gridcare.kernel.AllowedGroups;
import com.gridcare.security.ApiUser;
import jakarta.servlet.http.HttpServletRequest;
import com.gridcare.kernel.Groups;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
class ServiceRequestController {

    /** Documents and an answer a customer sends for an open request. */
    record Documents(JsonNode documents, @Size(max = 2000) String answer) {
    }

    /** What was taken: the documents the request now holds from the customer. */
    record DocumentsAccepted(String caseId, List<String> documentsReceived) {
    }

    private final ServiceRequestIntake intake;
    private final ServiceRequests requests;
    private final Idempotency idempotency;

    ServiceRequestController(ServiceRequestIntake intake, ServiceRequests requests, Idempotency idempotency) {
        this.intake = intake;
        this.requests = requests;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/v1/service-requests")
    @AllowedGroups({Groups.CHANNEL_SYSTEMS, Groups.CUSTOMER_SERVICE})
    ResponseEntity<ServiceRequestReceipt> register(
            @RequestHeader(value = Idempotency.HEADER, required = false) String idempotencyKey,
            @RequestBody @NotNull @Valid ServiceRequestBody request) {
        return idempotency.once("service-request", idempotencyKey, request, ServiceRequestReceipt.class, () -> {
            var receipt = intake.register(request);
            return ResponseEntity.created(URI.create("/api/v1/cases/" + receipt.caseId())).body(receipt);
        });
    }

    @PostMapping("/api/v1/service-requests/{caseId}/documents")
    @AllowedGroups({Groups.CHANNEL_SYSTEMS, Groups.CUSTOMER_SERVICE})
    ResponseEntity<DocumentsAccepted> documents(
            @PathVariable @Pattern(regexp = "^SRQ-\\d{4}-\\d{6}$", message = "must be a case number like SRQ-2026-000123")
            String caseId,
            @RequestHeader(value = Idempotency.HEADER, required = false) String idempotencyKey,
            @RequestBody @NotNull @Valid Documents body, HttpServletRequest http) {
        var documents = body.documents() == null || body.documents().isNull() ? List.<RequestDocument>of()
                : RequestDetails.documents(body.documents(), "documents");
        if (documents.isEmpty() && (body.answer() == null || body.answer().isBlank())) {
            throw new InvalidFieldException("documents", "send at least one document or an answer");
        }
        return idempotency.once("srq-documents:" + caseId, idempotencyKey, body, DocumentsAccepted.class,
                () -> {
                    intake.receiveDocuments(caseId, documents, body.answer(), ApiUser.of(http).id());
                    var held = requests.find(caseId).orElseThrow().documents().stream().map(Enum::name).toList();
                    return ResponseEntity.accepted().body(new DocumentsAccepted(caseId, held));
                });
    }
}
