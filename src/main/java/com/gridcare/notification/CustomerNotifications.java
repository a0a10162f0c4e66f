package com.gridcare.notification;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The messages GridCare sent (or is sending) a customer, newest first, for the customer's timeline. */
@Service
public class CustomerNotifications {

    /** A message as staff see it on the timeline: no body, the subject says what it was. */
    public record Sent(String caseId, String template, String channel, String status, String subject,
            OffsetDateTime createdAt, OffsetDateTime sentAt) {}

    private final JdbcClient jdbc;

    CustomerNotifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Sent> ofCustomer(String customerId, int limit) {
        return jdbc.sql("""
                SELECT case_id, template, channel, status, subject, created_at, sent_at FROM notification_outbox
                 WHERE customer_id = ? ORDER BY created_at DESC, id DESC FETCH FIRST ? ROWS ONLY""")
                .params(customerId, limit)
                .query((rs, n) -> new Sent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class), rs.getObject(7, OffsetDateTime.class)))
                .list();
    }
}
