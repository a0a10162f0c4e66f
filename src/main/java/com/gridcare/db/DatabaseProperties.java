package com.gridcare.db;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gridcare.database.*} (defaults in application.yaml). Read before the application context exists
 * ({@link DatabaseStartupCheck}), and bound as a bean too so that its keys are known.
 *
 * @param createIfMissing PostgreSQL only: create the database at start-up when it does not exist and the user may
 */
@Validated
@ConfigurationProperties(prefix = "gridcare.database", ignoreUnknownFields = false)
public record DatabaseProperties(@NotNull Boolean createIfMissing) {
}
