package com.gridcare.insight;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gridcare.metrics.*} (defaults in application.yaml).
 *
 * @param refresh how often the gauges read from the database (open cases, engine jobs, incidents) are refreshed;
 *        the schedules read it as {@code ${gridcare.metrics.refresh}}
 */
@Validated
@ConfigurationProperties(prefix = "gridcare.metrics", ignoreUnknownFields = false)
public record MetricsProperties(@NotNull Duration refresh) {
}
