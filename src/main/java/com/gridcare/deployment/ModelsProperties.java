package com.gridcare.deployment;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gridcare.models.*} (defaults in application.yaml).
 *
 * @param processesDir the BPMN folder on disk; unset: {@code processes/} of the working directory, else the jar's copy
 * @param formsDir the forms folder on disk; unset as above with {@code forms/}
 * @param watch whether changed models are deployed without a restart
 */
@Validated
@ConfigurationProperties(prefix = "gridcare.models", ignoreUnknownFields = false)
public record ModelsProperties(String processesDir, String formsDir, @NotNull Boolean watch) {
}
