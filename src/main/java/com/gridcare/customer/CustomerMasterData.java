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

/**
 * Master data of a customer as the billing system (CIS) sends it: {@code PUT /api/v1/customers/{id}}.
 * {@code feederId} and {@code transformerArea} say where the customer is supplied from; outages are
 * registered against them.
 */
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
        @Size(max = 400) String address,
        @Pattern(regexp = SUPPLY_POINT, message = SUPPLY_POINT_MESSAGE) String feederId,
        @Pattern(regexp = SUPPLY_POINT, message = SUPPLY_POINT_MESSAGE) String transformerArea) {

    /** Feeder ids and transformer-area (台区) codes as the grid's asset register writes them. */
    public static final String SUPPLY_POINT = "^[A-Za-z0-9-]{4,32}$";
    public static final String SUPPLY_POINT_MESSAGE = "must be 4 to 32 letters, digits or '-'";

    /** Master data without a supply point (systems that do not send one yet). */
    public CustomerMasterData(String name, CustomerClass customerClass, BigDecimal supplyVoltageKv,
            BigDecimal contractedCapacityKva, LocalDate contractStart, Integer contractTermYears, Boolean criticalLoad,
            Boolean priorityCare, Boolean greenPreference, Area area, PreferredChannel preferredChannel, String phone,
            String email, String address) {
        this(name, customerClass, supplyVoltageKv, contractedCapacityKva, contractStart, contractTermYears,
                criticalLoad, priorityCare, greenPreference, area, preferredChannel, phone, email, address, null, null);
    }
}
