package com.gridcare.consent;

import static com.gridcare.kernel.Groups.BILLING;
import static com.gridcare.kernel.Groups.CHANNEL_SYSTEMS;
import static com.gridcare.kernel.Groups.CUSTOMER_SERVICE;
import static com.gridcare.kernel.Groups.FIELD_SERVICE;
import static com.gridcare.kernel.Groups.KEY_ACCOUNTS;
import static com.gridcare.kernel.Groups.METERING;
import static com.gridcare.kernel.Groups.SERVICE_MANAGERS;
import static com.gridcare.kernel.Groups.SUPERVISORS;
import static com.gridcare.kernel.Groups.SURVEY_TEAM;

import com.gridcare.api.PlainText;
import com.gridcare.customer.PreferredChannel;
import com.gridcare.kernel.AllowedGroups;
import com.gridcare.security.ApiUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Customers' consent to marketing and advice, and the replies gateways forward. */
@RestController
@Validated
class ConsentController {

    static final String CUSTOMER_ID = "^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$";
    static final String CUSTOMER_ID_MESSAGE = "must be 1 to 32 letters, digits, '-' or '_'";
    static final String SOURCE_PATTERN = "^[A-Za-z0-9_\\-. ]{2,60}$";

    /** {@code PUT /customers/{id}/consents/{channel}/{purpose}}. */
    record ConsentRequest(@NotNull Boolean granted,
            @NotBlank @Pattern(regexp = SOURCE_PATTERN, message = "must be 2 to 60 letters, digits, '_', '-', '.' or spaces")
            String source,
            OffsetDateTime at) {}

    record ConsentList(String customerId, List<Consent> consents) {}

    /** {@code POST /inbound-messages}: what a gateway forwards. */
    record InboundMessage(@NotNull PreferredChannel channel,
            @NotBlank @Size(max = 100) @Pattern(regexp = "^[\\x21-\\x7E]+$", message = "must be printable ASCII without spaces")
            String messageId,
            @Pattern(regexp = CUSTOMER_ID, message = CUSTOMER_ID_MESSAGE) String customerId,
            @Size(max = 40) @Pattern(regexp = "^[0-9 ()+-]*$", message = "must be a phone number") String from,
            @NotNull @Size(max = 2000) @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE) String text,
            OffsetDateTime receivedAt) {}

    record InboundReceipt(InboundMessages.Action action, List<String> customerIds) {}

    private final Consents consents;
    private final InboundMessages inbound;

    ConsentController(Consents consents, InboundMessages inbound) {
        this.consents = consents;
        this.inbound = inbound;
    }

    @GetMapping("/api/v1/customers/{id}/consents")
    @AllowedGroups({CHANNEL_SYSTEMS, CUSTOMER_SERVICE, KEY_ACCOUNTS, FIELD_SERVICE, BILLING, METERING, SUPERVISORS,
            SERVICE_MANAGERS, SURVEY_TEAM})
    ConsentList consents(@PathVariable @Pattern(regexp = CUSTOMER_ID,
            message = CUSTOMER_ID_MESSAGE) String id) {
        return new ConsentList(id, consents.ofCustomer(id));
    }

    @PutMapping("/api/v1/customers/{id}/consents/{channel}/{purpose}")
    @AllowedGroups({CHANNEL_SYSTEMS, CUSTOMER_SERVICE, KEY_ACCOUNTS})
    Consent record(@PathVariable @Pattern(regexp = CUSTOMER_ID,
            message = CUSTOMER_ID_MESSAGE) String id,
            @PathVariable PreferredChannel channel, @PathVariable ConsentPurpose purpose,
            @RequestBody @NotNull @Valid ConsentRequest request, HttpServletRequest http) {
        return consents.record(id, channel, purpose, request.granted(), request.source().strip(), request.at(),
                ApiUser.of(http).id());
    }

    @PostMapping("/api/v1/inbound-messages")
    @AllowedGroups(CHANNEL_SYSTEMS)
    ResponseEntity<InboundReceipt> inbound(@RequestBody @NotNull @Valid InboundMessage message, HttpServletRequest http) {
        var handled = inbound.receive(message.channel(), message.messageId(), message.customerId(),
                blankToNull(message.from()), message.text(), message.receivedAt(), ApiUser.of(http).id());
        return ResponseEntity.accepted().body(new InboundReceipt(handled.action(), handled.customerIds()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
