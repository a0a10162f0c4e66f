package com.gridcare.cases;

import com.gridcare.db.Database;
import com.gridcare.db.TransactionCache;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Cases in GridCare's tables, kept in step with their process instances. The steps a process takes
 * go through {@link CaseRecords}, which also writes the case's history.
 */
@Repository
public class CaseRepository {

    private final JdbcClient jdbc;
    private final Database database;
    private final CaseHistory history;
    /** Cases this transaction has read: the steps of one engine command read their case once. */
    private final TransactionCache<String, Optional<ServiceCase>> read = new TransactionCache<>();

    CaseRepository(JdbcClient jdbc, Database database, CaseHistory history) {
        this.jdbc = jdbc;
        this.database = database;
        this.history = history;
    }

    /** The next case number of a kind: {@code CMP-2026-000123}. */
    public String nextId(CaseKind kind, int year) {
        long n = jdbc.sql(database.nextValue(kind.sequence())).query(Long.class).single();
        return "%s-%d-%06d".formatted(kind.prefix(), year, n);
    }

    /** Registers a new case and opens its history with the customer-visible "received" entry. */
    public void insert(ServiceCase c, OffsetDateTime now) {
        read.forget(c.id());
        jdbc.sql("""
                INSERT INTO service_case (id, kind, customer_id, channel, category, description, contact_phone,
                       occurred_at, received_at, process_instance_id, status, stage, tier, assigned_group, priority,
                       outcome, closed_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id(), c.kind().name(), c.customerId(), c.channel().name(), c.category(), c.description(),
                        c.contactPhone(), c.occurredAt(), c.receivedAt(), c.processInstanceId(), c.status().name(),
                        c.stage(), c.tier(), c.assignedGroup(), c.priority(), c.outcome(), c.closedAt(), now)
                .update();
        var kind = c.kind() == CaseKind.COMPLAINT ? new String[] {"complaint", "投诉"}
                : new String[] {"service request", "业务申请"};
        history.add(c.id(), c.receivedAt(), CaseEventType.RECEIVED, true, CaseStage.RECEIVED.name(),
                "We received your %s %s.".formatted(kind[0], c.id()),
                "我们已受理您的%s（工单号 %s）。".formatted(kind[1], c.id()), null, null);
    }

    public Optional<ServiceCase> find(String id) {
        return read.get(id, key -> jdbc.sql("SELECT * FROM service_case WHERE id = ?").param(key)
                .query(CaseRepository::map).optional());
    }

    /** The case, its row locked until the transaction ends (status changes that must not race). */
    public Optional<ServiceCase> lock(String id) {
        var locked = jdbc.sql("SELECT * FROM service_case WHERE id = ? FOR UPDATE").param(id).query(CaseRepository::map)
                .optional();
        read.put(id, locked);
        return locked;
    }

    /** The cases with these ids (in no particular order); unknown ids are left out. */
    public List<ServiceCase> findAll(Collection<String> ids) {
        if (ids.isEmpty()) return List.of();
        var placeholders = String.join(", ", Collections.nCopies(ids.size(), "?"));
        return jdbc.sql("SELECT * FROM service_case WHERE id IN (" + placeholders + ")").params(List.copyOf(ids))
                .query(CaseRepository::map).list();
    }

    /** Cases of a kind received at or after {@code from}, oldest first. */
    public List<ServiceCase> receivedSince(CaseKind kind, OffsetDateTime from) {
        return jdbc.sql("SELECT * FROM service_case WHERE kind = ? AND received_at >= ? ORDER BY received_at, id")
                .params(kind.name(), from).query(CaseRepository::map).list();
    }

    /** The customer's cases received in {@code [from, to]}, newest first. */
    public List<ServiceCase> ofCustomer(String customerId, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                SELECT * FROM service_case WHERE customer_id = ? AND received_at >= ? AND received_at <= ?
                 ORDER BY received_at DESC, id DESC""")
                .params(customerId, from, to).query(CaseRepository::map).list();
    }

    /** The customer's open cases, oldest first. */
    public List<ServiceCase> openOf(String customerId) {
        return jdbc.sql("SELECT * FROM service_case WHERE customer_id = ? AND status = 'OPEN' ORDER BY received_at, id")
                .param(customerId).query(CaseRepository::map).list();
    }

    /** How many cases of a kind are open; GridCare's own (proactive) cases counted only when asked. */
    public int countOpen(CaseKind kind, boolean withOwn) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM service_case WHERE status = 'OPEN' AND kind = ? AND (? OR channel <> 'SYSTEM')""")
                .params(kind.name(), withOwn).query(Integer.class).single();
    }

    public void linkProcess(String caseId, String processInstanceId, OffsetDateTime now) {
        read.forget(caseId);
        jdbc.sql("UPDATE service_case SET process_instance_id = ?, updated_at = ? WHERE id = ?")
                .params(processInstanceId, now, caseId).update();
    }

    public void recordTier(String caseId, String tier, OffsetDateTime now) {
        read.forget(caseId);
        jdbc.sql("UPDATE service_case SET tier = ?, updated_at = ? WHERE id = ?").params(tier, now, caseId).update();
    }

    public void recordRouting(String caseId, String group, int priority, OffsetDateTime now) {
        read.forget(caseId);
        jdbc.sql("UPDATE service_case SET assigned_group = ?, priority = ?, updated_at = ? WHERE id = ?")
                .params(group, priority, now, caseId).update();
    }

    /** @return true when the stage changed (it was another stage before) */
    public boolean recordStage(String caseId, String stage, OffsetDateTime now) {
        read.forget(caseId);
        return jdbc.sql("""
                UPDATE service_case SET stage = ?, updated_at = ?
                 WHERE id = ? AND status = 'OPEN' AND stage <> ?""")
                .params(stage, now, caseId, stage).update() > 0;
    }

    /** The group and person working the case now (null: not assigned to a person). */
    void recordWork(String caseId, String group, String assignee, OffsetDateTime now) {
        read.forget(caseId);
        jdbc.sql("""
                UPDATE service_case SET assigned_group = COALESCE(?, assigned_group), assignee = ?, updated_at = ?
                 WHERE id = ? AND status = 'OPEN'""")
                .params(group, assignee, now, caseId).update();
    }

    void raiseEscalationLevel(String caseId, int level, OffsetDateTime now) {
        read.forget(caseId);
        jdbc.sql("UPDATE service_case SET escalation_level = ?, updated_at = ? WHERE id = ? AND escalation_level < ?")
                .params(level, now, caseId, level).update();
    }

    /** @return false when the case is not open or a withdrawal was already asked for */
    boolean requestWithdrawal(String caseId, String reason, OffsetDateTime now) {
        read.forget(caseId);
        return jdbc.sql("""
                UPDATE service_case SET withdrawal_requested_at = ?, withdrawal_reason = ?, updated_at = ?
                 WHERE id = ? AND status = 'OPEN' AND withdrawal_requested_at IS NULL""")
                .params(now, reason, now, caseId).update() > 0;
    }

    /** Closes an open case; @return false when it was not open. */
    public boolean close(String caseId, CaseStatus status, String outcome, OffsetDateTime now) {
        read.forget(caseId);
        return jdbc.sql("""
                UPDATE service_case SET status = ?, stage = ?, outcome = ?, assignee = NULL, closed_at = ?,
                       updated_at = ?
                 WHERE id = ? AND status = 'OPEN'""")
                .params(status.name(), status.name(), outcome, now, now, caseId).update() > 0;
    }

    /**
     * A closed case from before GridCare (a billing system's contact history), so that the customer
     * rules count it; no process and no history.
     */
    public void importClosed(String id, String customerId, Channel channel, String category, String description,
            OffsetDateTime receivedAt, OffsetDateTime closedAt) {
        jdbc.sql("""
                INSERT INTO service_case (id, kind, customer_id, channel, category, description, received_at,
                       status, stage, outcome, closed_at, updated_at)
                VALUES (?, 'COMPLAINT', ?, ?, ?, ?, ?, 'CLOSED', 'CLOSED', 'RESOLVED', ?, ?)""")
                .params(id, customerId, channel.name(), category, description, receivedAt, closedAt, closedAt)
                .update();
    }

    /** The phone numbers the customer gave with their cases (for erasure). */
    List<String> contactPhones(String customerId) {
        return jdbc.sql("SELECT contact_phone FROM service_case WHERE customer_id = ? AND contact_phone IS NOT NULL")
                .param(customerId).query(String.class).list();
    }

    /** The process instances of the customer's cases. */
    List<String> processInstances(String customerId) {
        return jdbc.sql("""
                SELECT process_instance_id FROM service_case
                 WHERE customer_id = ? AND process_instance_id IS NOT NULL""")
                .param(customerId).query(String.class).list();
    }

    /** Erasure: what the customer wrote and the phone they gave go; the cases stay. */
    int eraseCustomerText(String customerId, String replacement) {
        var changed = jdbc.sql("""
                UPDATE service_case SET description = ?, contact_phone = NULL, withdrawal_reason = NULL
                 WHERE customer_id = ?""").params(replacement, customerId).update();
        jdbc.sql("SELECT id FROM service_case WHERE customer_id = ?").param(customerId).query(String.class).list()
                .forEach(read::forget);
        return changed;
    }

    /**
     * Contacts since a moment of the customers {@code customers} (a condition on customer_id with its parameters)
     * picks: all, digital (app or web), billing complaints; GridCare's own cases left out.
     */
    Map<String, int[]> contactCounts(String customers, List<?> customersParams, OffsetDateTime since) {
        var result = new HashMap<String, int[]>();
        var params = new ArrayList<Object>(customersParams);
        params.add(since);
        jdbc.sql("SELECT customer_id, COUNT(*),"
                        + " SUM(CASE WHEN channel IN ('APP', 'WEB') THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN kind = 'COMPLAINT' AND category = 'BILLING' THEN 1 ELSE 0 END)"
                        + " FROM service_case WHERE " + customers + " AND received_at >= ?"
                        + " AND channel <> 'SYSTEM' GROUP BY customer_id")
                .params(params)
                .query((rs, n) -> result.put(rs.getString(1), new int[] {rs.getInt(2), rs.getInt(3), rs.getInt(4)}))
                .list();
        return result;
    }

    private static ServiceCase map(ResultSet rs, int row) throws SQLException {
        return new ServiceCase(rs.getString("id"), CaseKind.valueOf(rs.getString("kind")), rs.getString("customer_id"),
                Channel.valueOf(rs.getString("channel")), rs.getString("category"), rs.getString("description"),
                rs.getString("contact_phone"), rs.getObject("occurred_at", OffsetDateTime.class),
                rs.getObject("received_at", OffsetDateTime.class), rs.getString("process_instance_id"),
                CaseStatus.valueOf(rs.getString("status")), rs.getString("stage"), rs.getString("tier"),
                rs.getString("assigned_group"), (Integer) rs.getObject("priority"), rs.getString("outcome"),
                rs.getObject("closed_at", OffsetDateTime.class), rs.getString("assignee"),
                rs.getInt("escalation_level"), rs.getObject("withdrawal_requested_at", OffsetDateTime.class));
    }
}
