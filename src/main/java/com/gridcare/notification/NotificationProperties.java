package com.gridcare.notification;

import com.gridcare.customer.PreferredChannel;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gridcare.notification.*}: languages of the messages, which sender serves each preferred
 * channel, the dispatcher's pace and retries, and the senders' settings.
 *
 * @param languages the languages each message carries, in order ({@code zh}, {@code en})
 * @param senders the sender of each preferred channel: {@code log}, {@code email}, {@code sms} or {@code wechat}
 */
@Validated
@ConfigurationProperties(prefix = "gridcare.notification", ignoreUnknownFields = false)
record NotificationProperties(
        @NotEmpty List<String> languages,
        Map<PreferredChannel, String> senders,
        @NotNull @Valid Dispatcher dispatcher,
        @NotNull @Valid Email email,
        @NotNull @Valid Gateway sms,
        @NotNull @Valid Gateway wechat) {

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
            @NotNull Boolean enabled,
            @NotNull Duration interval,
            @NotNull @Positive Integer batchSize,
            @NotNull Duration lease,
            @NotEmpty List<Duration> retryDelays,
            String nodeId) {
    }

    /** @param from sender address of customer e-mails */
    record Email(@NotBlank String from) {
    }

    /**
     * An HTTP message gateway (SMS, WeChat).
     *
     * @param url where messages are POSTed; unset: the sender is not available
     * @param token bearer token, if the gateway wants one
     * @param timeout connect and answer timeout; keep it well below the lease
     */
    record Gateway(URI url, String token, @NotNull Duration timeout) {
    }
}
