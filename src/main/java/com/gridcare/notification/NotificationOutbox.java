package com.gridcare.notification;

import com.gridcare.kernel.CaseAccess;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.customer.PreferredChannel;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
    private final Clock clock;

    NotificationOutbox(OutboxStore store, CaseAccess cases, CustomerRepository customers,
            TemplateCatalogue templates, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.cases = cases;
        this.customers = customers;
        this.templates = templates;
        this.jdbc = jdbc;
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
        if (step == null || step.isBlank() || step.length() > 60) {
            throw new IllegalArgumentException("notification step must be 1 to 60 characters, was " + step);
        }
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

    /** The placeholders a template needs, for delegates that gather values. */
    public Set<String> placeholders(String template) {
        return templates.placeholders(template);
    }

    /** A case's messages, oldest first. */
    public List<QueuedNotification> forCase(String caseId) {
        return jdbc.sql("SELECT * FROM notification_outbox WHERE case_id = ? ORDER BY created_at, template, step")
                .param(caseId)
                .query((rs, n) -> new QueuedNotification(rs.getString("id"), rs.getString("case_id"),
                        rs.getString("template"), rs.getString("step"),
                        PreferredChannel.valueOf(rs.getString("channel")), rs.getString("status"), rs.getInt("attempts"),
                        rs.getString("subject"), rs.getString("body"), rs.getObject("created_at", OffsetDateTime.class),
                        rs.getObject("next_attempt_at", OffsetDateTime.class),
                        rs.getObject("sent_at", OffsetDateTime.class), rs.getString("sender"),
                        rs.getString("last_error")))
                .list();
    }

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
