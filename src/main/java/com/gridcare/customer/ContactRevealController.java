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

import com.gridcare.api.PlainText;
import com.gridcare.kernel.AllowedGroups;
import com.gridcare.security.ApiUser;
import com.gridcare.kernel.Groups;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Revealing a customer's masked contact data to staff, with a reason; the access log for administrators. */
@RestController
@Validated
@RequestMapping("/api/v1/customers")
class ContactRevealController {

    /** {@code POST /customers/{id}/reveal}: which field and why. */
    record RevealRequest(@NotNull ContactField field,
            @NotBlank @Size(min = 2, max = 500) @Pattern(regexp = PlainText.PATTERN, message = PlainText.MESSAGE)
            String reason) {}

    private final ContactReveal reveal;

    ContactRevealController(ContactReveal reveal) {
        this.reveal = reveal;
    }

    @PostMapping("/{id}/reveal")
    @AllowedGroups({CUSTOMER_SERVICE, KEY_ACCOUNTS, FIELD_SERVICE, BILLING, METERING, SUPERVISORS, SERVICE_MANAGERS,
            SURVEY_TEAM})
    ContactReveal.Revealed reveal(
            @PathVariable @Pattern(regexp = Identifiers.CUSTOMER_ID, message = Identifiers.CUSTOMER_ID_MESSAGE)
            String id,
            @RequestBody @NotNull @Valid RevealRequest request, HttpServletRequest http) {
        return reveal.reveal(id, request.field(), request.reason().strip(), ApiUser.of(http).id());
    }

    @GetMapping("/{id}/access-log")
    @AllowedGroups(Groups.ADMINS)
    List<ContactReveal.Access> accessLog(
            @PathVariable @Pattern(regexp = Identifiers.CUSTOMER_ID, message = Identifiers.CUSTOMER_ID_MESSAGE)
            String id,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return reveal.log(id, limit);
    }
}
