package com.gridcare.insight;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gridcare.insight.*} (defaults in application.yaml).
 *
 * @param rollup when closed months' service reports are summed ahead ({@link ReportRollUp})
 */
@Validated
@ConfigurationProperties(prefix = "gridcare.insight", ignoreUnknownFields = false)
public record InsightProperties(@NotNull @Valid Rollup rollup) {

    /**
     * @param cron when, Beijing time ({@code -}: never; the schedule reads it as {@code ${gridcare.insight.rollup.cron}})
     * @param months how many closed months back each run covers
     */
    public record Rollup(@NotBlank String cron, @Min(1) @Max(120) int months) {}
}
