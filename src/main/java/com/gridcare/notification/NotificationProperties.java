package com.gridcare.notification;

import com.gridcare.customer.PreferredChannel;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code gridcare.notification.*}: languages of the messages, which sender serves each preferred
 * channel, the dispatcher's pace and retries, and the senders' settings.
 *
 * @param languages the languages each message carries, in order ({@code zh}, {@code en})
 * @param senders the sender of each preferred channel: {@code log}, {@code email}, {@code sms} or {@code wechat}
 */
@ConfigurationProperties("gridcare.notification")
record NotificationProperties(
        @DefaultValue({"zh", "en"}) List<String> languages,
        Map<PreferredChannel, String> senders,
        @DefaultValue Dispatcher dispatcher,
        @DefaultValue Email email,
        @DefaultValue Gateway sms,
        @DefaultValue Gateway wechat) {

    NotificationProperties {
        senders = senders == null ? Map.of() : Map.copyOf(senders);
    }

    /** The sender of a channel; {@code log} unless configured. */
    String senderOf(PreferredChannel channel) {
        return senders.getOrDefault(channel, LogSender.NAME);
    }

    /**
     * @param enabled whether this node delivers (off in tests, which drive deliveries themselves)
     * @param interval pause between two rounds
     * @param batchSize rows claimed per round
     * @param lease how long a claimed row is this node's; longer than a sender's timeout
     * @param retryDelays wait before each further attempt; when used up the row is FAILED
     * @param nodeId this node's name in leases (default: host name and process id)
     */
    record Dispatcher(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("5s") Duration interval,
            @DefaultValue("50") int batchSize,
            @DefaultValue("2m") Duration lease,
            @DefaultValue({"30s", "2m", "10m", "30m", "1h", "2h", "4h", "8h"}) List<Duration> retryDelays,
            String nodeId) {
    }

    /** @param from sender address of customer e-mails */
    record Email(@DefaultValue("GridCare <noreply@gridcare.example>") String from) {
    }

    /**
     * An HTTP message gateway (SMS, WeChat).
     *
     * @param url where messages are POSTed; unset: the sender is not available
     * @param token bearer token, if the gateway wants one
     * @param timeout connect and answer timeout; keep it well below the lease
     */
    record Gateway(URI url, String token, @DefaultValue("10s") Duration timeout) {
    }
}
