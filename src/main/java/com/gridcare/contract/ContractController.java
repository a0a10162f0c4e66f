package com.gridcare.contract;

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
import com.gridcare.kernel.AllowedGroups;
import com.gridcare.security.ApiUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Contracts of business customers: recorded by key accounts, the front line or the billing system; read by staff. */
@RestController
@Validated
class ContractController {

    static final String CUSTOMER_ID = "^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$";
    static final String CUSTOMER_ID_MESSAGE = "must be 1 to 32 letters, digits, '-' or '_'";
    static final String CONTRACT_ID = "^CTR-\\d{4}-\\d{6}$";

    /** {@code POST /contracts}. */
    record ContractRequest(
            @NotNull @Pattern(regexp = CUSTOMER_ID, message = CUSTOMER_ID_MESSAGE) String customerId,
            @NotNull ContractKind kind,
            @NotNull LocalDate startsOn,
            @NotNull @Min(1) @Max(Contracts.MAX_TERM_YEARS) Integer termYears,
            @NotNull RenewalTerms renewalTerms,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000000") BigDecimal contractedCapacityKva,
            @NotNull PriceBasis priceBasis) {}

    record ContractList(String customerId, List<Contract> contracts) {}

    private final Contracts contracts;
    private final Idempotency idempotency;

    ContractController(Contracts contracts, Idempotency idempotency) {
        this.contracts = contracts;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/v1/contracts")
    @AllowedGroups({KEY_ACCOUNTS, CUSTOMER_SERVICE, CHANNEL_SYSTEMS})
    ResponseEntity<Contract> create(@RequestHeader(value = Idempotency.HEADER, required = false) String idempotencyKey,
            @RequestBody @NotNull @Valid ContractRequest request, HttpServletRequest http) {
        var by = ApiUser.of(http).id();
        return idempotency.once("contract", idempotencyKey, request, Contract.class, () -> {
            var contract = contracts.create(request.customerId(), new Contracts.Terms(request.kind(), request.startsOn(),
                    request.termYears(), request.renewalTerms(), request.contractedCapacityKva(), request.priceBasis()),
                    by);
            return ResponseEntity.created(URI.create("/api/v1/contracts/" + contract.id())).body(contract);
        });
    }

    @GetMapping("/api/v1/contracts/{id}")
    @AllowedGroups({CHANNEL_SYSTEMS, CUSTOMER_SERVICE, KEY_ACCOUNTS, FIELD_SERVICE, BILLING, METERING, SUPERVISORS,
            SERVICE_MANAGERS, SURVEY_TEAM})
    Contract contract(@PathVariable @Pattern(regexp = CONTRACT_ID, message = "must be like CTR-2026-000123") String id) {
        return contracts.get(id);
    }

    @GetMapping("/api/v1/customers/{id}/contracts")
    @AllowedGroups({CHANNEL_SYSTEMS, CUSTOMER_SERVICE, KEY_ACCOUNTS, FIELD_SERVICE, BILLING, METERING, SUPERVISORS,
            SERVICE_MANAGERS, SURVEY_TEAM})
    ContractList ofCustomer(@PathVariable @Pattern(regexp = CUSTOMER_ID, message = CUSTOMER_ID_MESSAGE) String id) {
        return new ContractList(id, contracts.ofCustomer(id));
    }
}
