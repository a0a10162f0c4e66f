package com.gridcare.rules.runtime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gridcare.rules.*} (defaults in application.yaml).
 *
 * @param dir the rules folder on disk; unset: {@code rules/} of the working directory, else the jar's copy
 * @param watch whether changes on disk are published without a restart
 * @param watchPollMillis how often the folder is looked at
 * @param cacheDir compiled rule packages by content hash
 * @param warmUpRounds background compilations after start-up, so the first publish is fast
 * @param maxFirings the most rule firings one evaluation may take
 */
@Validated
@ConfigurationProperties(prefix = "gridcare.rules", ignoreUnknownFields = false)
public record RulesProperties(String dir, @NotNull Boolean watch, @NotNull @Positive Long watchPollMillis,
        @NotBlank String cacheDir, @NotNull @PositiveOrZero Integer warmUpRounds, @NotNull @Positive Integer maxFirings) {
}
