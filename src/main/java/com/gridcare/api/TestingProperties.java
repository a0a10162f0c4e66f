package com.gridcare.api;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gridcare.testing.*} (defaults in application.yaml): switches for the fault suite only, off there and
 * refused in {@code prod}.
 *
 * @param ignoreIdempotencyKeys ignore {@code Idempotency-Key} headers, so that a retried request is a new
 *                              one: breaks retries on purpose, to prove the fault suite notices
 */
@Validated
@ConfigurationProperties(prefix = "gridcare.testing", ignoreUnknownFields = false)
record TestingProperties(@NotNull Boolean ignoreIdempotencyKeys) {}
