package com.gridcare.outage;

import com.gridcare.customer.PreferredChannel;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gridcare.outage.*}: notice periods, quiet hours and the calls to flagged customers.
 *
 * @param plannedNotice how long before its start a planned outage must be announced (《供电营业规则》: 7 days)
 * @param temporaryNotice the same for temporary maintenance affecting IMPORTANT customers (24 hours)
 * @param quietFrom start of the quiet hours (Beijing time) in which SMS and WeChat wait
 * @param quietUntil end of the quiet hours
 * @param quietChannels the channels that respect quiet hours
 * @param callAhead how long before the notice deadline a call to a flagged customer is due
 * @param callWithin the time a call gets when the deadline is too close or gone (overrides, unplanned outages)
 */
@ConfigurationProperties("gridcare.outage")
record OutageProperties(
        @DefaultValue("7d") Duration plannedNotice,
        @DefaultValue("24h") Duration temporaryNotice,
        @DefaultValue("21:00") LocalTime quietFrom,
        @DefaultValue("08:00") LocalTime quietUntil,
        @DefaultValue({"SMS", "WECHAT"}) Set<PreferredChannel> quietChannels,
        @DefaultValue("1h") Duration callAhead,
        @DefaultValue("1h") Duration callWithin) {
}
