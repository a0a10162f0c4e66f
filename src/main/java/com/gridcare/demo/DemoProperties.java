package com.gridcare.demo;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gridcare.demo.*} (defaults in application.yaml).
 *
 * @param enabled whether demo users, customers and open cases are created at start-up (never in prod)
 */
@Validated
@ConfigurationProperties(prefix = "gridcare.demo", ignoreUnknownFields = false)
public record DemoProperties(@NotNull Boolean enabled) {
}
