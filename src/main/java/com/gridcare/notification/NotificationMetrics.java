package com.gridcare.notification;

import com.gridcare.customer.PreferredChannel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Outbox metrics: {@code gridcare.notifications.pending} and {@code gridcare.notifications.failed}
 * (rows now, read from the table when scraped), and counters of messages sent and of failed
 * attempts per channel and sender.
 */
final class NotificationMetrics {

    private final MeterRegistry registry;

    NotificationMetrics(MeterRegistry registry, OutboxStore store) {
        this.registry = registry;
        Gauge.builder("gridcare.notifications.pending", store, s -> s.count(OutboxStore.Status.PENDING))
                .description("customer messages waiting to be delivered").register(registry);
        Gauge.builder("gridcare.notifications.failed", store, s -> s.count(OutboxStore.Status.FAILED))
                .description("customer messages given up on (see notification_outbox.last_error)").register(registry);
    }

    void sent(PreferredChannel channel, String sender) {
        Counter.builder("gridcare.notifications.sent").tag("channel", channel.name()).tag("sender", sender)
                .register(registry).increment();
    }

    void attemptFailed(PreferredChannel channel, String sender) {
        Counter.builder("gridcare.notifications.attempts.failed").tag("channel", channel.name()).tag("sender", sender)
                .register(registry).increment();
    }
}
