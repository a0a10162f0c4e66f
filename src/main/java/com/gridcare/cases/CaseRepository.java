package com.gridcare.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Optional;
import com.gridcare.db.Database;
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
        return jdbc.sql("SELECT * FROM service_case WHERE id = ?").param(id).query(CaseRepository::map).optional();
    }

    /** The case, its row locked until the transaction ends (status changes that must not race). */
    public Optional<ServiceCase> lock(String id) {
        return jdbc.sql("SELECT * FROM service_case WHERE id = ? FOR UPDATE").param(id).query(CaseRepository::map)
                .optional();
    }

    /** Cases of a kind received at or after {@code from}, oldest first. */
    public java.util.List<ServiceCase> receivedSince(CaseKind kind, OffsetDateTime from) {
        return jdbc.sql("SELECT * FROM service_case WHERE kind = ? AND received_at >= ? ORDER BY received_at, id")
                .params(kind.name(), from).query(CaseRepository::map).list();
    }

    public void linkProcess(String caseId, String processInstanceId, OffsetDateTime now) {
        jdbc.sql("UPDATE service_case SET process_instance_id = ?, updated_at = ? WHERE id = ?")
                .params(processInstanceId, now, caseId).update();
    }

    public void recordTier(String caseId, String tier, OffsetDateTime now) {
        jdbc.sql("UPDATE service_case SET tier = ?, updated_at = ? WHERE id = ?").params(tier, now, caseId).update();
    }

    public void recordRouting(String caseId, String group, int priority, OffsetDateTime now) {
        jdbc.sql("UPDATE service_case SET assigned_group = ?, priority = ?, updated_at = ? WHERE id = ?")
                .params(group, priority, now, caseId).update();
    }

    /** @return true when the stage changed (it was another stage before) */
    public boolean recordStage(String caseId, String stage, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE service_case SET stage = ?, updated_at = ?
                 WHERE id = ? AND status = 'OPEN' AND stage <> ?""")
                .params(stage, now, caseId, stage).update() > 0;
    }

    /** The group and person working the case now (null: not assigned to a person). */
    void recordWork(String caseId, String group, String assignee, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE service_case SET assigned_group = COALESCE(?, assigned_group), assignee = ?, updated_at = ?
                 WHERE id = ? AND status = 'OPEN'""")
                .params(group, assignee, now, caseId).update();
    }

    void raiseEscalationLevel(String caseId, int level, OffsetDateTime now) {
        jdbc.sql("UPDATE service_case SET escalation_level = ?, updated_at = ? WHERE id = ? AND escalation_level < ?")
                .params(level, now, caseId, level).update();
    }

    /** @return false when the case is not open or a withdrawal was already asked for */
    boolean requestWithdrawal(String caseId, String reason, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE service_case SET withdrawal_requested_at = ?, withdrawal_reason = ?, updated_at = ?
                 WHERE id = ? AND status = 'OPEN' AND withdrawal_requested_at IS NULL""")
                .params(now, reason, now, caseId).update() > 0;
    }

    /** Closes an open case; @return false when it was not open. */
    public boolean close(String caseId, CaseStatus status, String outcome, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE service_case SET status = ?, stage = ?, outcome = ?, assignee = NULL, closed_at = ?,
                       updated_at = ?
                 WHERE id = ? AND status = 'OPEN'""")
                .params(status.name(), status.name(), outcome, now, now, caseId).update() > 0;
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
