package com.gridcare.api;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gridcare.testing.*}: switches for the fault suite only, off by default and refused in {@code prod}.
 *
 * @param ignoreIdempotencyKeys ignore {@code Idempotency-Key} headers, so that a retried request is a new
 *                              one: breaks retries on purpose, to prove the fault suite notices
 */
@ConfigurationProperties(prefix = "gridcare.testing", ignoreUnknownFields = false)
record TestingProperties(boolean ignoreIdempotencyKeys) {}
