package com.gridcare.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The engine's query limit as {@link QueryLimitFilter} needs it: Camunda's own setting
 * {@code camunda.bpm.generic-properties.properties.queryMaxResultsLimit}, set once in application.yaml; the
 * other engine settings beside it are Camunda's to bind.
 *
 * @param queryMaxResultsLimit the most rows one engine query may ask for
 */
@Validated
@ConfigurationProperties(prefix = "camunda.bpm.generic-properties.properties")
record EngineQueryProperties(@NotNull @Positive Integer queryMaxResultsLimit) {
}
