package com.gridcare.outage;

import com.gridcare.notification.NotificationOutbox;
import com.gridcare.notification.NotificationTemplate;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The messages of an outage to every affected customer: the notice, each new estimate and the
 * restoration, once per customer and step, queued in one statement per step. Announced (planned,
 * temporary) outages keep SMS and WeChat out of the quiet hours; a fault is told at once.
 */
@Service
class OutageNotices {

    static final String NOTICE = "NOTICE";
    static final String RESTORED = "RESTORED";

    private final OutageRepository outages;
    private final NotificationOutbox outbox;
    private final OutageProperties properties;
    private final Clock clock;

    OutageNotices(OutageRepository outages, NotificationOutbox outbox, OutageProperties properties, Clock clock) {
        this.outages = outages;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    static String estimateStep(int revision) {
        return "ESTIMATE-" + revision;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    int notice(Outage outage) {
        var values = new HashMap<String, Object>();
        values.put("reason", outage.reason());
        values.put("startsAt", outage.startsAt());
        values.put("expectedRestorationAt", outage.expectedRestorationAt());
        var template = outage.kind().announced() ? NotificationTemplate.OUTAGE_PLANNED_NOTICE
                : NotificationTemplate.OUTAGE_UNPLANNED_NOTICE;
        return queue(outage, template, NOTICE, values);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    int newEstimate(Outage outage) {
        return queue(outage, NotificationTemplate.OUTAGE_NEW_ESTIMATE, estimateStep(outage.estimateRevision()),
                Map.of("expectedRestorationAt", outage.expectedRestorationAt()));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    int restored(Outage outage) {
        return queue(outage, NotificationTemplate.OUTAGE_RESTORED, RESTORED, Map.of("restoredAt", outage.restoredAt()));
    }

    private int queue(Outage outage, String template, String step, Map<String, ?> values) {
        var now = OffsetDateTime.now(clock);
        var quiet = new QuietHours(properties.quietFrom(), properties.quietUntil());
        boolean hold = outage.kind().announced() && quiet.contains(now);
        var audience = outages.audience(outage.id());
        int queued = outbox.enqueueForOutage(outage.id(), template, step, values, audience.sql(), audience.params(),
                hold ? EnumSet.copyOf(properties.quietChannels()) : EnumSet.noneOf(com.gridcare.customer.PreferredChannel.class),
                hold ? quiet.release(now) : now);
        outages.event(outage.id(), "NOTICES_QUEUED", "system", step + ": " + queued + " messages"
                + (hold ? ", SMS and WeChat held until " + quiet.release(now) : ""), now);
        return queued;
    }
}
