package com.gridcare.customer;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Master data of a customer as the billing system (CIS) sends it: {@code PUT /api/v1/customers/{id}}. */
public record CustomerMasterData(
        @NotBlank @Size(max = 200) String name,
        @NotNull CustomerClass customerClass,
        @NotNull @DecimalMin("0.1") @DecimalMax("1000") BigDecimal supplyVoltageKv,
        @NotNull @DecimalMin("0") @DecimalMax("10000000") BigDecimal contractedCapacityKva,
        @NotNull @PastOrPresent LocalDate contractStart,
        @Min(1) @Max(50) Integer contractTermYears,
        @NotNull Boolean criticalLoad,
        @NotNull Boolean priorityCare,
        @NotNull Boolean greenPreference,
        @NotNull Area area,
        @NotNull PreferredChannel preferredChannel,
        @Pattern(regexp = "^\\+?[0-9][0-9 -]{5,19}$", message = "must be a phone number of 6 to 20 digits")
        String phone,
        @Email @Size(max = 200) String email,
        @Size(max = 400) String address) {
}
