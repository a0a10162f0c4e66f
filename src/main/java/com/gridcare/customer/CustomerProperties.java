package com.gridcare.customer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gridcare.customer.*} (defaults in application.yaml).
 *
 * @param retiering when and how every customer is evaluated again ({@link NightRetiering})
 */
@Validated
@ConfigurationProperties(prefix = "gridcare.customer", ignoreUnknownFields = false)
public record CustomerProperties(@NotNull @Valid Retiering retiering) {

    /**
     * @param cron when, Beijing time ({@code -}: never; the schedule reads it as {@code ${gridcare.customer.retiering.cron}})
     * @param pageSize customers read, evaluated and written per transaction
     * @param threads how many pages are evaluated and written at once (the pages are read by one more)
     */
    public record Retiering(@NotBlank String cron, @Min(100) @Max(20000) int pageSize, @Min(1) @Max(16) int threads) {}
}
