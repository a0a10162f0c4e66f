package com.gridcare.outage;

import com.gridcare.customer.PreferredChannel;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gridcare.outage.*} (defaults in application.yaml): notice periods, quiet hours and the calls to
 * flagged customers.
 *
 * @param plannedNotice how long before its start a planned outage must be announced (《供电营业规则》: 7 days)
 * @param temporaryNotice the same for temporary maintenance affecting IMPORTANT customers (24 hours)
 * @param quietFrom start of the quiet hours (Beijing time) in which SMS and WeChat wait
 * @param quietUntil end of the quiet hours
 * @param quietChannels the channels that respect quiet hours
 * @param callAhead how long before the notice deadline a call to a flagged customer is due
 * @param callWithin the time a call gets when the deadline is too close or gone (overrides, unplanned outages)
 */
@Validated
@ConfigurationProperties(prefix = "gridcare.outage", ignoreUnknownFields = false)
record OutageProperties(
        @NotNull Duration plannedNotice,
        @NotNull Duration temporaryNotice,
        @NotNull LocalTime quietFrom,
        @NotNull LocalTime quietUntil,
        @NotEmpty Set<PreferredChannel> quietChannels,
        @NotNull Duration callAhead,
        @NotNull Duration callWithin) {
}
