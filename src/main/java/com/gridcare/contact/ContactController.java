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

/** Contacts that need no process, from staff or a channel system. */
@RestController
class ContactController {

    private final CallRegistration calls;
    private final Idempotency idempotency;

    ContactController(CallRegistration calls, Idempotency idempotency) {
        this.calls = calls;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/v1/contacts")
    @AllowedGroups({Groups.CUSTOMER_SERVICE, Groups.KEY_ACCOUNTS, Groups.SUPERVISORS, Groups.CHANNEL_SYSTEMS})
    ResponseEntity<ContactReceipt> register(
            @RequestHeader(value = Idempotency.HEADER, required = false) String idempotencyKey,
            @RequestBody @NotNull @Valid ContactRequest request, HttpServletRequest http) {
        var by = ApiUser.of(http).id();
        return idempotency.once("contact", idempotencyKey, request, ContactReceipt.class, () -> {
            var contact = calls.contact(request, by);
            return ResponseEntity.created(URI.create("/api/v1/customers/" + contact.customerId() + "/timeline"))
                    .body(ContactReceipt.of(contact));
        });
    }
}
