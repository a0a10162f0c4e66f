package com.gridcare.clock;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gridcare.clock.*} (defaults in application.yaml).
 *
 * @param defaultCalendar the calendar of working-time expressions that name none ({@code 1 working day})
 * @param warnDaysBeforeYearEnd how many days before 31 December a missing calendar file for next year is reported
 */
@Validated
@ConfigurationProperties(prefix = "gridcare.clock", ignoreUnknownFields = false)
public record ClockProperties(@NotBlank String defaultCalendar, @NotNull @PositiveOrZero Integer warnDaysBeforeYearEnd) {
}
