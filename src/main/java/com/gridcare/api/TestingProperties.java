package com.gridcare.api;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gridcare.testing.*} (defaults in application.yaml): switches for the fault suite only, refused in prod.
 *
 * @param ignoreIdempotencyKeys ignore {@code Idempotency-Key} headers, so that retries duplicate on purpose
 */
@Validated
@ConfigurationProperties(prefix = "gridcare.testing", ignoreUnknownFields = false)
public record TestingProperties(@NotNull Boolean ignoreIdempotencyKeys) {
}
