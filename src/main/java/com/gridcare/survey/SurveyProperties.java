package com.gridcare.survey;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gridcare.survey.*} (defaults in application.yaml).
 *
 * @param linkBase the survey page; the reply code is appended
 * @param remindAfter an unanswered invitation is reminded after this long
 * @param expireAfter an unanswered invitation expires after this long
 */
@Validated
@ConfigurationProperties(prefix = "gridcare.survey", ignoreUnknownFields = false)
public record SurveyProperties(@NotBlank String linkBase, @NotNull Duration remindAfter, @NotNull Duration expireAfter) {
}
