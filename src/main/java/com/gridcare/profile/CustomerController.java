package com.gridcare.profile;

import com.gridcare.customer.Customer;
import com.gridcare.customer.CustomerErasure;
import com.gridcare.customer.CustomerMasterData;
import com.gridcare.customer.CustomerService;
import com.gridcare.customer.MonthlyConsumption;



import com.gridcare.kernel.Identifiers;
import com.gridcare.api.ConflictException;
import com.gridcare.kernel.AllowedGroups;
import com.gridcare.security.ApiUser;
import com.gridcare.kernel.Groups;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Customer master data from the billing system, and the customer profile. */
@RestController
@Validated
@RequestMapping("/api/v1/customers")
class CustomerController {

    static final String ID_PATTERN = Identifiers.CUSTOMER_ID;
    static final String ID_MESSAGE = Identifiers.CUSTOMER_ID_MESSAGE;

    private final CustomerService service;
    private final CustomerProfiles profiles;
    private final CustomerErasure erasure;

    CustomerController(CustomerService service, CustomerProfiles profiles, CustomerErasure erasure) {
        this.service = service;
        this.profiles = profiles;
        this.erasure = erasure;
    }

    /** The customer asked to be forgotten (administrators only): personal data removed everywhere. */
    @PostMapping("/{id}/erasure")
    @AllowedGroups(Groups.ADMINS)
    CustomerErasure.Report erase(@PathVariable @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id,
            HttpServletRequest request) {
        return erasure.erase(id, ApiUser.of(request).id());
    }

    @PutMapping("/{id}")
    @AllowedGroups(Groups.CHANNEL_SYSTEMS)
    ResponseEntity<CustomerProfiles.Profile> save(
            @PathVariable @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id,
            @RequestBody @NotNull @Valid CustomerMasterData data) {
        if (erasure.erased(id)) {
            throw new ConflictException("Customer " + id + " asked to be forgotten; their data is not taken again");
        }
        boolean created = service.save(id, data);
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(profiles.profile(id));
    }

    @PutMapping("/{id}/consumption")
    @AllowedGroups(Groups.CHANNEL_SYSTEMS)
    ResponseEntity<Void> saveConsumption(
            @PathVariable @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id,
            @RequestBody @NotNull @Size(min = 1, max = 120) List<@NotNull @Valid MonthlyConsumption> months) {
        service.saveConsumption(id, months);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}")
    @AllowedGroups({Groups.CHANNEL_SYSTEMS, Groups.CUSTOMER_SERVICE, Groups.KEY_ACCOUNTS, Groups.FIELD_SERVICE,
            Groups.BILLING, Groups.METERING, Groups.SUPERVISORS, Groups.SERVICE_MANAGERS, Groups.SURVEY_TEAM})
    CustomerProfiles.Profile profile(@PathVariable @Pattern(regexp = ID_PATTERN, message = ID_MESSAGE) String id) {
        return profiles.profile(id);
    }
}
