package com.gridcare.db;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gridcare.engine.*} (defaults in application.yaml).
 *
 * @param extraIndexes whether GridCare adds its index on the engine's job table and gives every job a due date
 * @param taskQueryExists whether the engine's task query checks grants with EXISTS instead of a join ({@link TaskQueryExists})
 */
@Validated
@ConfigurationProperties(prefix = "gridcare.engine", ignoreUnknownFields = false)
public record EngineProperties(@NotNull Boolean extraIndexes, @NotNull Boolean taskQueryExists) {
}
