package com.gridcare.notification;

import com.gridcare.consent.Consents;
import com.gridcare.consent.MessagePurpose;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.customer.PreferredChannel;
import com.gridcare.kernel.CaseAccess;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues messages to customers in the caller's transaction: a step that rolls back sends nothing,
 * and a (case, template, step) is queued once however often the step runs. The message is rendered
 * now (so it says what was true at this step) and delivered later by the dispatcher on the
 * customer's preferred channel.
 */
@Service
public class NotificationOutbox {

    private final OutboxStore store;
    private final CaseAccess cases;
    private final CustomerRepository customers;
    private final TemplateCatalogue templates;
    private final JdbcClient jdbc;
    private final Consents consents;
    private final Clock clock;

    NotificationOutbox(OutboxStore store, CaseAccess cases, CustomerRepository customers,
            TemplateCatalogue templates, JdbcClient jdbc, Consents consents, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.customers = customers;
        this.templates = templates;
        this.jdbc = jdbc;
        this.consents = consents;
        this.clock = clock;
    }

    /**
     * Queues a message unless this case already has it at this step.
     *
     * @param step which occurrence of the template in the case: "1", a reopen count, a reminder number…
     * @param values the template's placeholders besides those the case provides ({@code caseId},
     *        {@code receivedAt}, {@code closedAt})
     * @return true when queued now, false when it was queued before
     * @throws IllegalArgumentException for an unknown template or a missing value
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(String caseId, String template, String step, Map<String, ?> values) {
        checkStep(step);
        var serviceCase = cases.find(caseId).orElseThrow(() -> new IllegalStateException("no case " + caseId));
        var customer = customers.find(serviceCase.customerId())
                .orElseThrow(() -> new IllegalStateException("no customer " + serviceCase.customerId()));
        var all = new HashMap<String, Object>(values);
        all.put("caseId", caseId);
        all.put("receivedAt", serviceCase.receivedAt());
        if (serviceCase.closedAt() != null) all.put("closedAt", serviceCase.closedAt());
        var message = templates.render(template, all);
        var channel = customer.preferredChannel();
        var queued = store.insertOnce(UUID.randomUUID().toString(), caseId, customer.id(), template, step, channel,
                message.subject(), message.body(), OffsetDateTime.now(clock));
        if (queued) {
            cases.recordNotification(caseId,
                    "Message to you by %s: %s".formatted(channelEn(channel), message.subjectEn()),
                    "已通过%s向您发送消息：%s".formatted(channelZh(channel), message.subjectZh()));
        }
        return queued;
    }

    /**
     * Queues a message of an outage to every customer of {@code audience} that has not had this step
     * of the outage yet, in one statement: the text is rendered once (it is the same for everyone),
     * each customer gets it on their preferred channel. Messages on {@code heldChannels} wait until
     * {@code heldUntil} (quiet hours).
     *
     * @param audienceSql a query with the columns {@code customer_id} and {@code channel}
     * @return how many were queued now
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int enqueueForOutage(String outageId, String template, String step, Map<String, ?> values,
            String audienceSql, List<Object> audienceParams, Set<PreferredChannel> heldChannels,
            OffsetDateTime heldUntil) {
        checkStep(step);
        var all = new HashMap<String, Object>(values);
        all.put("outageId", outageId);
        var message = templates.render(template, all);
        var now = OffsetDateTime.now(clock);
        return store.insertForAudience(outageId, template, step, message.subject(), message.body(), audienceSql,
                audienceParams, heldChannels.stream().map(Enum::name).sorted().toList(),
                heldUntil == null ? now : heldUntil, now);
    }

    /**
     * Queues a case's message that is at the same time the customer's {@code step} of an outage
     * (a linked repair request told that supply is back): queued once per case, template and step,
     * and never when the customer already had this step of the outage.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueueForCaseInOutage(String caseId, String outageId, String template, String step,
            Map<String, ?> values) {
        checkStep(step);
        var serviceCase = cases.find(caseId).orElseThrow(() -> new IllegalStateException("no case " + caseId));
        var customer = customers.find(serviceCase.customerId())
                .orElseThrow(() -> new IllegalStateException("no customer " + serviceCase.customerId()));
        var all = new HashMap<String, Object>(values);
        all.put("caseId", caseId);
        all.put("outageId", outageId);
        var message = templates.render(template, all);
        var channel = customer.preferredChannel();
        var queued = store.insertOnceForOutage(UUID.randomUUID().toString(), caseId, outageId, customer.id(), template,
                step, channel, message.subject(), message.body(), OffsetDateTime.now(clock));
        if (queued) {
            cases.recordNotification(caseId,
                    "Message to you by %s: %s".formatted(channelEn(channel), message.subjectEn()),
                    "已通过%s向您发送消息：%s".formatted(channelZh(channel), message.subjectZh()));
        }
        return queued;
    }

    /** An outage's messages per step and status ({@code NOTICE → PENDING → 100000}). */
    public Map<String, Map<String, Long>> countsForOutage(String outageId) {
        return store.countsForOutage(outageId);
    }

    private static void checkStep(String step) {
        if (step == null || step.isBlank() || step.length() > 60) {
            throw new IllegalArgumentException("notification step must be 1 to 60 characters, was " + step);
        }
    }

    /** What became of a programme's message. */
    public enum Queued { QUEUED, ALREADY_QUEUED, NO_CONSENT }

    /**
     * Queues a message that belongs to no case (a campaign, a usage report) on the customer's
     * preferred channel, once per (topic, customer, template, step). A message that is not
     * {@link MessagePurpose#SERVICE} is queued only when the customer consents to its purpose on that
     * channel, and checked again when it is sent.
     *
     * @param topic what the message belongs to, e.g. {@code CAMPAIGN:CPG-2026-0007}; 1 to 60 characters
     * @param values every placeholder of the template
     * @param attachmentRef a document the sender attaches (e-mail only), or null
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Queued enqueueToCustomer(String customerId, String topic, String template, String step,
            MessagePurpose purpose, Map<String, ?> values, String attachmentRef) {
        if (topic == null || topic.isBlank() || topic.length() > 60) {
            throw new IllegalArgumentException("notification topic must be 1 to 60 characters, was " + topic);
        }
        if (step == null || step.isBlank() || step.length() > 60) {
            throw new IllegalArgumentException("notification step must be 1 to 60 characters, was " + step);
        }
        var customer = customers.find(customerId)
                .orElseThrow(() -> new IllegalStateException("no customer " + customerId));
        var channel = customer.preferredChannel();
        if (!consents.allows(customerId, channel, purpose)) return Queued.NO_CONSENT;
        var message = templates.render(template, values);
        return store.insertForTopic(UUID.randomUUID().toString(), topic, customerId, template, step, purpose, channel,
                message.subject(), message.body(), attachmentRef, OffsetDateTime.now(clock))
                ? Queued.QUEUED : Queued.ALREADY_QUEUED;
    }

    /** One customer's message in {@link #enqueueToCustomers}: its placeholders' values and attachment (or null). */
    public record ToCustomer(String customerId, PreferredChannel channel, Map<String, ?> values, String attachmentRef) {}

    /** What became of a batch: the customers queued now, those who had it before, those without consent. */
    public record Batch(List<String> queued, List<String> alreadyQueued, List<String> noConsent) {}

    /**
     * As {@link #enqueueToCustomer}, for many customers at once (a programme's run): the consent of all of
     * them is read in one query and the messages written in one JDBC batch. Each customer's {@code channel}
     * is the preferred channel the caller read with the audience.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Batch enqueueToCustomers(String topic, String template, String step, MessagePurpose purpose,
            List<ToCustomer> messages) {
        if (topic == null || topic.isBlank() || topic.length() > 60) {
            throw new IllegalArgumentException("notification topic must be 1 to 60 characters, was " + topic);
        }
        checkStep(step);
        var channels = new java.util.LinkedHashMap<String, PreferredChannel>();
        for (var m : messages) channels.put(m.customerId(), m.channel());
        var allowed = consents.allowing(channels, purpose);
        var rows = new java.util.ArrayList<OutboxStore.TopicRow>();
        var noConsent = new java.util.ArrayList<String>();
        for (var m : messages) {
            if (!allowed.contains(m.customerId())) {
                noConsent.add(m.customerId());
                continue;
            }
            var message = templates.render(template, m.values());
            rows.add(new OutboxStore.TopicRow(UUID.randomUUID().toString(), m.customerId(), m.channel(),
                    message.subject(), message.body(), m.attachmentRef()));
        }
        var queued = new java.util.ArrayList<String>();
        var before = new java.util.ArrayList<String>();
        if (!rows.isEmpty()) {
            var done = store.insertForTopic(topic, template, step, purpose, rows, OffsetDateTime.now(clock));
            for (int i = 0; i < rows.size(); i++) (done[i] ? queued : before).add(rows.get(i).customerId());
        }
        return new Batch(queued, before, noConsent);
    }

    /** How many messages a programme's topic has. */
    public int countForTopic(String topic) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE topic = ?").param(topic)
                .query(Integer.class).single();
    }

    /** A programme's messages (by topic), oldest first. */
    public List<QueuedNotification> forTopic(String topic) {
        return jdbc.sql("SELECT * FROM notification_outbox WHERE topic = ? ORDER BY created_at, customer_id, step")
                .param(topic)
                .query(QUEUED_NOTIFICATION)
                .list();
    }

    /** The placeholders a template needs, for delegates that gather values. */
    public Set<String> placeholders(String template) {
        return templates.placeholders(template);
    }

    /** A case's messages, oldest first. */
    public List<QueuedNotification> forCase(String caseId) {
        return jdbc.sql("SELECT * FROM notification_outbox WHERE case_id = ? ORDER BY created_at, template, step")
                .param(caseId)
                .query(QUEUED_NOTIFICATION)
                .list();
    }

    private static final RowMapper<QueuedNotification> QUEUED_NOTIFICATION = (rs, n) -> new QueuedNotification(
            rs.getString("id"), rs.getString("case_id"), rs.getString("template"), rs.getString("step"),
            PreferredChannel.valueOf(rs.getString("channel")), rs.getString("status"), rs.getInt("attempts"),
            rs.getString("subject"), rs.getString("body"), rs.getObject("created_at", OffsetDateTime.class),
            rs.getObject("next_attempt_at", OffsetDateTime.class), rs.getObject("sent_at", OffsetDateTime.class),
            rs.getString("sender"), rs.getString("last_error"), rs.getString("customer_id"), rs.getString("topic"),
            MessagePurpose.valueOf(rs.getString("purpose")), rs.getString("attachment_ref"));

    private static String channelEn(PreferredChannel channel) {
        return switch (channel) {
            case SMS -> "text message";
            case EMAIL -> "e-mail";
            case APP -> "the app";
            case WECHAT -> "WeChat";
            case PHONE -> "phone";
        };
    }

    private static String channelZh(PreferredChannel channel) {
        return switch (channel) {
            case SMS -> "短信";
            case EMAIL -> "电子邮件";
            case APP -> "手机应用";
            case WECHAT -> "微信";
            case PHONE -> "电话";
        };
    }
}
