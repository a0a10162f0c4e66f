package com.gridcare.usage;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gridcare.usage.*} (defaults in application.yaml).
 *
 * @param pageSize how many reports a run decides and queues per transaction (one consent query, one rules
 *        session, two JDBC batches)
 */
@Validated
@ConfigurationProperties(prefix = "gridcare.usage", ignoreUnknownFields = false)
public record UsageProperties(@Min(100) @Max(20000) int pageSize) {
}
