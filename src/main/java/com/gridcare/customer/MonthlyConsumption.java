package com.gridcare.customer;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/** One month of consumption and billing: {@code PUT /api/v1/customers/{id}/consumption}. */
public record MonthlyConsumption(
        @NotNull @Pattern(regexp = "^(19|20)\\d{2}-(0[1-9]|1[0-2])$", message = "must be a month as YYYY-MM")
        String month,
        @NotNull @DecimalMin("0") @DecimalMax("100000000000") BigDecimal kwh,
        @NotNull @DecimalMin("0") @DecimalMax("100000000000") BigDecimal billedAmount,
        @NotNull Boolean paidOnTime) {
}
