package com.gridcare.notification;

import com.gridcare.consent.MessagePurpose;
import com.gridcare.customer.PreferredChannel;
import com.gridcare.db.Database;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification_outbox} table: enqueue once, claim with a lease, finish under a row lock. */
@Repository
class OutboxStore {

    /** WITHHELD: a message that needs consent the customer no longer gives when it is due. */
    enum Status { PENDING, SENT, FAILED, WITHHELD }

    /** A row this node claimed: lease {@code owner}, and what to send. */
    record Claim(String id, String caseId, String customerId, String template, PreferredChannel channel,
            String subject, String body, int attempt, String owner, MessagePurpose purpose, String attachmentRef) {}

    private final JdbcClient jdbc;
    private final Database database;
    private final org.springframework.jdbc.core.JdbcTemplate batches;

    OutboxStore(JdbcClient jdbc, Database database, org.springframework.jdbc.core.JdbcTemplate batches) {
        this.jdbc = jdbc;
        this.database = database;
        this.batches = batches;
    }

    /** One message of a programme in a batch. */
    record TopicRow(String id, String customerId, PreferredChannel channel, String subject, String body,
            String attachmentRef) {}

    /**
     * Messages of a programme, each once per (topic, customer, template, step): on PostgreSQL in one statement
     * over arrays (a JDBC batch costs a round of index look-ups and writes per row: about 2 ms, 30 minutes for
     * a million usage reports), on H2 in one JDBC batch.
     *
     * @return per row, whether it was queued now
     */
    boolean[] insertForTopic(String topic, String template, String step, MessagePurpose purpose, List<TopicRow> rows,
            OffsetDateTime now) {
        if (database.isPostgres()) {
            var inserted = new java.util.HashSet<>(jdbc.sql("""
                    INSERT INTO notification_outbox (id, topic, customer_id, template, step, purpose, channel, subject,
                           body, attachment_ref, status, attempts, next_attempt_at, created_at)
                    SELECT m.id, ?, m.customer_id, ?, ?, ?, m.channel, m.subject, m.body, m.attachment_ref, 'PENDING', 0,
                           ?, ?
                      FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::varchar[])
                           AS m (id, customer_id, channel, subject, body, attachment_ref)
                    ON CONFLICT DO NOTHING RETURNING customer_id""")
                    .params(topic, template, step, purpose.name(), now, now,
                            rows.stream().map(TopicRow::id).toArray(String[]::new),
                            rows.stream().map(TopicRow::customerId).toArray(String[]::new),
                            rows.stream().map(r -> r.channel().name()).toArray(String[]::new),
                            rows.stream().map(TopicRow::subject).toArray(String[]::new),
                            rows.stream().map(TopicRow::body).toArray(String[]::new),
                            rows.stream().map(TopicRow::attachmentRef).toArray(String[]::new))
                    .query(String.class).list());
            var queued = new boolean[rows.size()];
            for (int i = 0; i < queued.length; i++) queued[i] = inserted.contains(rows.get(i).customerId());
            return queued;
        }
        var sql = database.insertIgnoringDuplicates("""
                INSERT INTO notification_outbox (id, topic, customer_id, template, step, purpose, channel, subject,
                       body, attachment_ref, status, attempts, next_attempt_at, created_at)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ? FROM (VALUES (1)) one (x)
                 WHERE NOT EXISTS (SELECT 1 FROM notification_outbox o
                                    WHERE o.topic = ? AND o.customer_id = ? AND o.template = ? AND o.step = ?)""");
        var counts = batches.batchUpdate(sql, rows.stream().map(r -> new Object[] {r.id(), topic, r.customerId(),
                template, step, purpose.name(), r.channel().name(), r.subject(), r.body(), r.attachmentRef(), now, now,
                topic, r.customerId(), template, step}).toList());
        var queued = new boolean[rows.size()];
        for (int i = 0; i < counts.length; i++) queued[i] = counts[i] == 1;
        return queued;
    }

    /** @return false when the case already has this template at this step */
    boolean insertOnce(String id, String caseId, String customerId, String template, String step,
            PreferredChannel channel, String subject, String body, OffsetDateTime now) {
        try {
            return jdbc.sql(database.insertIgnoringDuplicates("""
                    INSERT INTO notification_outbox (id, case_id, customer_id, template, step, channel, subject, body,
                           status, attempts, next_attempt_at, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)"""))
                    .params(id, caseId, customerId, template, step, channel.name(), subject, body, now, now)
                    .update() == 1;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    /**
     * A message of a programme (no case): once per (topic, customer, template, step).
     *
     * @return false when it was queued before
     */
    boolean insertForTopic(String id, String topic, String customerId, String template, String step,
            MessagePurpose purpose, PreferredChannel channel, String subject, String body, String attachmentRef,
            OffsetDateTime now) {
        try {
            return jdbc.sql(database.insertIgnoringDuplicates("""
                    INSERT INTO notification_outbox (id, topic, customer_id, template, step, purpose, channel, subject,
                           body, attachment_ref, status, attempts, next_attempt_at, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)"""))
                    .params(id, topic, customerId, template, step, purpose.name(), channel.name(), subject, body,
                            attachmentRef, now, now)
                    .update() == 1;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    /**
     * Queues one message for every row of {@code audience} (a query with the columns
     * {@code customer_id} and {@code channel}) that has not had this step of this outage: one
     * INSERT … SELECT. Rows on a channel in {@code heldChannels} wait until {@code heldUntil}.
     *
     * @return how many were queued now
     */
    int insertForAudience(String outageId, String template, String step, String subject, String body,
            String audienceSql, List<Object> audienceParams, List<String> heldChannels, OffsetDateTime heldUntil,
            OffsetDateTime now) {
        var held = heldChannels.isEmpty() ? "1 = 0"
                : "a.channel IN (" + String.join(", ", java.util.Collections.nCopies(heldChannels.size(), "?")) + ")";
        var params = new java.util.ArrayList<Object>();
        params.add(outageId + ":" + step + ":");
        params.add(outageId);
        params.add(template);
        params.add(step);
        params.add(subject);
        params.add(body);
        params.addAll(heldChannels);
        params.add(heldUntil);
        params.add(now);
        params.add(now);
        params.addAll(audienceParams);
        params.add(outageId);
        params.add(step);
        return jdbc.sql("""
                INSERT INTO notification_outbox (id, outage_id, customer_id, template, step, channel, subject, body,
                       status, attempts, next_attempt_at, created_at)
                SELECT CONCAT(?, a.customer_id), ?, a.customer_id, ?, ?, a.channel, ?, ?, 'PENDING', 0,
                       CASE WHEN %s THEN ? ELSE ? END, ?
                  FROM (%s) a
                 WHERE NOT EXISTS (SELECT 1 FROM notification_outbox o
                                    WHERE o.outage_id = ? AND o.customer_id = a.customer_id AND o.step = ?)"""
                        .formatted(held, audienceSql))
                .params(params)
                .update();
    }

    /** A case's message that also counts as this outage's {@code step} for the customer (unique per outage, customer and step). */
    boolean insertOnceForOutage(String id, String caseId, String outageId, String customerId, String template,
            String step, PreferredChannel channel, String subject, String body, OffsetDateTime now) {
        try {
            return jdbc.sql(database.insertIgnoringDuplicates("""
                    INSERT INTO notification_outbox (id, case_id, outage_id, customer_id, template, step, channel,
                           subject, body, status, attempts, next_attempt_at, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)"""))
                    .params(id, caseId, outageId, customerId, template, step, channel.name(), subject, body, now, now)
                    .update() == 1;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    /** Messages of an outage per step and status: {@code step → status → count}. */
    java.util.Map<String, java.util.Map<String, Long>> countsForOutage(String outageId) {
        var counts = new java.util.TreeMap<String, java.util.Map<String, Long>>();
        jdbc.sql("SELECT step, status, COUNT(*) FROM notification_outbox WHERE outage_id = ? GROUP BY step, status")
                .param(outageId)
                .query((rs, n) -> counts.computeIfAbsent(rs.getString(1), k -> new java.util.TreeMap<>())
                        .put(rs.getString(2), rs.getLong(3)))
                .list();
        return counts;
    }

    /** Erasure: the customer's messages lose their text; those not yet sent are not sent. */
    int erase(String customerId, String replacement) {
        return jdbc.sql("""
                UPDATE notification_outbox SET subject = ?, body = ?,
                       status = CASE WHEN status = 'PENDING' THEN 'FAILED' ELSE status END,
                       last_error = CASE WHEN status = 'PENDING' THEN 'customer erased' ELSE last_error END
                 WHERE customer_id = ?""").params(replacement, replacement, customerId).update();
    }

    /** Rows due for delivery whose lease (if any) has run out, oldest first. */
    List<String> due(OffsetDateTime now, int limit) {
        return jdbc.sql("""
                SELECT id FROM notification_outbox
                 WHERE status = 'PENDING' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until <= ?)
                 ORDER BY next_attempt_at, id LIMIT ?""")
                .params(now, now, limit)
                .query(String.class)
                .list();
    }

    /**
     * Takes a due row for {@code owner} until {@code leaseUntil}. A compare-and-set: of two nodes
     * claiming one row, one updates it and the other finds it leased.
     */
    Optional<Claim> claim(String id, String owner, OffsetDateTime now, OffsetDateTime leaseUntil) {
        int claimed = jdbc.sql("""
                UPDATE notification_outbox SET lease_owner = ?, lease_until = ?, attempts = attempts + 1
                 WHERE id = ? AND status = 'PENDING' AND next_attempt_at <= ?
                   AND (lease_until IS NULL OR lease_until <= ?)""")
                .params(owner, leaseUntil, id, now, now)
                .update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM notification_outbox WHERE id = ? AND lease_owner = ?")
                .params(id, owner)
                .query((rs, n) -> new Claim(rs.getString("id"), rs.getString("case_id"), rs.getString("customer_id"),
                        rs.getString("template"), PreferredChannel.valueOf(rs.getString("channel")),
                        rs.getString("subject"), rs.getString("body"), rs.getInt("attempts"),
                        rs.getString("lease_owner"), MessagePurpose.valueOf(rs.getString("purpose")),
                        rs.getString("attachment_ref")))
                .optional();
    }

    /** Locks the row (caller's transaction) and tells whether it is still pending under this lease. */
    boolean stillOurs(String id, String owner) {
        return jdbc.sql("SELECT status, lease_owner FROM notification_outbox WHERE id = ? FOR UPDATE")
                .param(id)
                .query((rs, n) -> Status.PENDING.name().equals(rs.getString(1)) && owner.equals(rs.getString(2)))
                .optional().orElse(false);
    }

    /**
     * Marks the row sent, whoever holds the lease now: the message is out. Locks the row first
     * (caller's transaction); @return false when another delivery had already marked it sent.
     */
    boolean markSent(String id, String sender, String reference, OffsetDateTime now) {
        var status = jdbc.sql("SELECT status FROM notification_outbox WHERE id = ? FOR UPDATE").param(id)
                .query(String.class).optional().orElse(null);
        if (Status.SENT.name().equals(status)) {
            return false;
        }
        jdbc.sql("""
                UPDATE notification_outbox SET status = 'SENT', sent_at = ?, sender = ?, gateway_reference = ?,
                       lease_owner = NULL, lease_until = NULL, last_error = NULL
                 WHERE id = ?""")
                .params(now, sender, reference, id)
                .update();
        return true;
    }

    /** A failed attempt: try again at {@code nextAttemptAt}, if the row is still under this lease. */
    boolean retryLater(String id, String owner, String error, OffsetDateTime nextAttemptAt) {
        return jdbc.sql("""
                UPDATE notification_outbox SET next_attempt_at = ?, last_error = ?, lease_owner = NULL, lease_until = NULL
                 WHERE id = ? AND status = 'PENDING' AND lease_owner = ?""")
                .params(nextAttemptAt, limit(error), id, owner)
                .update() > 0;
    }

    /** Gives up on the row, if it is still under this lease. */
    boolean markFailed(String id, String owner, String error) {
        return finish(id, owner, Status.FAILED, error);
    }

    /** Does not send the row (consent withdrawn since it was queued), if it is still under this lease. */
    boolean markWithheld(String id, String owner, String reason) {
        return finish(id, owner, Status.WITHHELD, reason);
    }

    private boolean finish(String id, String owner, Status status, String error) {
        return jdbc.sql("""
                UPDATE notification_outbox SET status = ?, last_error = ?, lease_owner = NULL, lease_until = NULL
                 WHERE id = ? AND status = 'PENDING' AND lease_owner = ?""")
                .params(status.name(), limit(error), id, owner)
                .update() > 0;
    }

    long count(Status status) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE status = ?").param(status.name())
                .query(Long.class).single();
    }

    private static String limit(String error) {
        if (error == null) return null;
        return error.length() <= 500 ? error : error.substring(0, 499) + "…";
    }
}
