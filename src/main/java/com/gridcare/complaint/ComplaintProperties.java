package com.gridcare.complaint;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gridcare.complaint.*} (defaults in application.yaml).
 *
 * @param goodwillApprovalLimit goodwill above this amount (CNY) waits for a supervisor's approval
 */
@Validated
@ConfigurationProperties(prefix = "gridcare.complaint", ignoreUnknownFields = false)
public record ComplaintProperties(@NotNull @PositiveOrZero BigDecimal goodwillApprovalLimit) {
}
