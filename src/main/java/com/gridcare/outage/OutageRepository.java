package com.gridcare.outage;

import com.gridcare.customer.SupplyPoints;
import com.gridcare.db.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outage tables: outages, who they affect, their calls, links and events. */
@Repository
class OutageRepository {

    /** A flagged customer of an outage: who gets a phone call. */
    record Flagged(String customerId, String tier) {}

    /** A case linked to an outage. */
    record Link(String caseId, String outageId, String customerId, String caseKind, OffsetDateTime linkedAt,
            OffsetDateTime closedAt) {}

    /** A phone call to a flagged customer. */
    record Call(String outageId, String customerId, String assignedGroup, OffsetDateTime dueAt, String taskId,
            OffsetDateTime completedAt, String completedBy, Boolean reached, String clockState) {}

    private final JdbcClient jdbc;
    private final Database database;

    OutageRepository(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    String nextId(int year) {
        long n = jdbc.sql(database.nextValue("outage_number_seq")).query(Long.class).single();
        return "OUT-%d-%06d".formatted(year, n);
    }

    void insert(Outage o, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO outage (id, kind, feeders, transformer_areas, reason, starts_at, expected_restoration_at,
                       estimate_revision, status, registered_at, registered_by, notice_deadline, notified_on_time,
                       override_by, override_reason, affected_customers, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, 0, ?)""")
                .params(o.id(), o.kind().name(), String.join(",", o.feeders()), String.join(",", o.transformerAreas()),
                        o.reason(), o.startsAt(), o.expectedRestorationAt(), o.status().name(), o.registeredAt(),
                        o.registeredBy(), o.noticeDeadline(), o.notifiedOnTime(), o.overrideBy(), o.overrideReason(),
                        now)
                .update();
    }

    /** Fixes who the outage affects (one INSERT … SELECT); @return how many customers. */
    int insertCustomers(String outageId, SupplyPoints.Selection selection) {
        var params = new ArrayList<Object>();
        params.add(outageId);
        params.addAll(selection.params());
        int affected = jdbc.sql("INSERT INTO outage_customer (outage_id, customer_id, area, channel, flagged, tier)"
                + " SELECT ?, s.customer_id, s.area, s.channel, s.flagged, s.tier FROM (" + selection.sql() + ") s")
                .params(params).update();
        jdbc.sql("UPDATE outage SET affected_customers = ? WHERE id = ?").params(affected, outageId).update();
        return affected;
    }

    void setProcessInstance(String outageId, String processInstanceId) {
        jdbc.sql("UPDATE outage SET process_instance_id = ? WHERE id = ?").params(processInstanceId, outageId).update();
    }

    Optional<Outage> find(String id) {
        return jdbc.sql("SELECT * FROM outage WHERE id = ?").param(id).query(OutageRepository::map).optional();
    }

    /** The outage, its row locked until the transaction ends (estimates and restoration one at a time). */
    Optional<Outage> lock(String id) {
        return jdbc.sql("SELECT * FROM outage WHERE id = ? FOR UPDATE").param(id).query(OutageRepository::map).optional();
    }

    void newEstimate(String id, OffsetDateTime expectedRestorationAt, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE outage SET expected_restoration_at = ?, estimate_revision = estimate_revision + 1, updated_at = ?
                 WHERE id = ?""").params(expectedRestorationAt, now, id).update();
    }

    void restore(String id, OffsetDateTime restoredAt, OffsetDateTime now) {
        jdbc.sql("UPDATE outage SET status = 'RESTORED', restored_at = ?, updated_at = ? WHERE id = ?")
                .params(restoredAt, now, id).update();
    }

    void event(String outageId, String kind, String actor, String detail, OffsetDateTime now) {
        jdbc.sql("INSERT INTO outage_event (outage_id, occurred_at, kind, actor, detail) VALUES (?, ?, ?, ?, ?)")
                .params(outageId, now, kind, actor, detail).update();
    }

    /** What happened to an outage, oldest first: "kind by actor: detail". */
    List<String> events(String outageId) {
        return jdbc.sql("SELECT kind, actor, detail FROM outage_event WHERE outage_id = ? ORDER BY occurred_at, id")
                .param(outageId)
                .query((rs, n) -> rs.getString(1) + " by " + rs.getString(2)
                        + (rs.getString(3) == null ? "" : ": " + rs.getString(3)))
                .list();
    }

    /** The outage a customer is in now: announced, already started, the latest to start. */
    Optional<Outage> currentFor(String customerId, OffsetDateTime now) {
        return jdbc.sql("""
                SELECT o.* FROM outage o JOIN outage_customer c ON c.outage_id = o.id
                 WHERE c.customer_id = ? AND o.status = 'ANNOUNCED' AND o.starts_at <= ?
                 ORDER BY o.starts_at DESC, o.id DESC FETCH FIRST 1 ROWS ONLY""")
                .params(customerId, now).query(OutageRepository::map).optional();
    }

    /** The query of an outage's customers for the notification outbox: {@code customer_id}, {@code channel}. */
    SupplyPoints.Selection audience(String outageId) {
        return new SupplyPoints.Selection("SELECT customer_id, channel FROM outage_customer WHERE outage_id = ?",
                List.of(outageId));
    }

    List<Flagged> flagged(String outageId) {
        return jdbc.sql("SELECT customer_id, tier FROM outage_customer WHERE outage_id = ? AND flagged ORDER BY customer_id")
                .param(outageId).query((rs, n) -> new Flagged(rs.getString(1), rs.getString(2))).list();
    }

    Optional<String> tierOf(String outageId, String customerId) {
        return jdbc.sql("SELECT tier FROM outage_customer WHERE outage_id = ? AND customer_id = ?")
                .params(outageId, customerId).query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional()
                .flatMap(t -> t);
    }

    void link(String caseId, String outageId, String customerId, String caseKind, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO outage_link (case_id, outage_id, customer_id, case_kind, linked_at)
                VALUES (?, ?, ?, ?, ?)""").params(caseId, outageId, customerId, caseKind, now).update();
    }

    Optional<Link> linkOf(String caseId) {
        return jdbc.sql("SELECT * FROM outage_link WHERE case_id = ?").param(caseId).query(OutageRepository::link)
                .optional();
    }

    List<Link> links(String outageId) {
        return jdbc.sql("SELECT * FROM outage_link WHERE outage_id = ? ORDER BY linked_at, case_id").param(outageId)
                .query(OutageRepository::link).list();
    }

    void closeLink(String caseId, OffsetDateTime now) {
        jdbc.sql("UPDATE outage_link SET closed_at = ? WHERE case_id = ? AND closed_at IS NULL").params(now, caseId)
                .update();
    }

    void callCreated(String outageId, String customerId, String group, OffsetDateTime dueAt, String taskId) {
        int updated = jdbc.sql("UPDATE outage_call SET task_id = ?, assigned_group = ?, due_at = ? WHERE outage_id = ? AND customer_id = ?")
                .params(taskId, group, dueAt, outageId, customerId).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO outage_call (outage_id, customer_id, assigned_group, due_at, task_id)
                    VALUES (?, ?, ?, ?, ?)""").params(outageId, customerId, group, dueAt, taskId).update();
        }
    }

    void callDone(String outageId, String customerId, String by, Boolean reached, String note, OffsetDateTime now) {
        jdbc.sql("""
                UPDATE outage_call SET completed_at = ?, completed_by = ?, reached = ?, note = ?,
                       clock_state = CASE WHEN ? <= due_at THEN 'MET' ELSE 'BREACHED' END
                 WHERE outage_id = ? AND customer_id = ? AND completed_at IS NULL""")
                .params(now, by, reached, note, now, outageId, customerId).update();
    }

    void callOverdue(String outageId, String customerId) {
        jdbc.sql("""
                UPDATE outage_call SET clock_state = 'BREACHED'
                 WHERE outage_id = ? AND customer_id = ? AND completed_at IS NULL""")
                .params(outageId, customerId).update();
    }

    List<Call> calls(String outageId) {
        return jdbc.sql("SELECT * FROM outage_call WHERE outage_id = ? ORDER BY customer_id").param(outageId)
                .query((rs, n) -> new Call(rs.getString("outage_id"), rs.getString("customer_id"),
                        rs.getString("assigned_group"), rs.getObject("due_at", OffsetDateTime.class),
                        rs.getString("task_id"), rs.getObject("completed_at", OffsetDateTime.class),
                        rs.getString("completed_by"), (Boolean) rs.getObject("reached"), rs.getString("clock_state")))
                .list();
    }

    // ---------------------------------------------------------------- reliability

    /** An outage that started in a period, with its customers per area. */
    record Interruption(String outageId, OutageKind kind, OffsetDateTime startsAt, OffsetDateTime restoredAt,
            boolean notifiedOnTime, String area, int customers) {}

    List<Interruption> interruptions(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                SELECT o.id, o.kind, o.starts_at, o.restored_at, o.notified_on_time, c.area, COUNT(c.customer_id)
                  FROM outage o LEFT JOIN outage_customer c ON c.outage_id = o.id
                 WHERE o.starts_at >= ? AND o.starts_at < ?
                 GROUP BY o.id, o.kind, o.starts_at, o.restored_at, o.notified_on_time, c.area
                 ORDER BY o.starts_at, o.id, c.area""")
                .params(from, to)
                .query((rs, n) -> new Interruption(rs.getString(1), OutageKind.valueOf(rs.getString(2)),
                        rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class), rs.getBoolean(5),
                        rs.getString(6), rs.getInt(7)))
                .list();
    }

    private static Link link(ResultSet rs, int row) throws SQLException {
        return new Link(rs.getString("case_id"), rs.getString("outage_id"), rs.getString("customer_id"),
                rs.getString("case_kind"), rs.getObject("linked_at", OffsetDateTime.class),
                rs.getObject("closed_at", OffsetDateTime.class));
    }

    private static Outage map(ResultSet rs, int row) throws SQLException {
        return new Outage(rs.getString("id"), OutageKind.valueOf(rs.getString("kind")), split(rs.getString("feeders")),
                split(rs.getString("transformer_areas")), rs.getString("reason"),
                rs.getObject("starts_at", OffsetDateTime.class), rs.getObject("expected_restoration_at", OffsetDateTime.class),
                rs.getInt("estimate_revision"), rs.getObject("restored_at", OffsetDateTime.class),
                OutageStatus.valueOf(rs.getString("status")), rs.getObject("registered_at", OffsetDateTime.class),
                rs.getString("registered_by"), rs.getObject("notice_deadline", OffsetDateTime.class),
                rs.getBoolean("notified_on_time"), rs.getString("override_by"), rs.getString("override_reason"),
                rs.getInt("affected_customers"), rs.getString("process_instance_id"));
    }

    private static List<String> split(String list) {
        return list == null || list.isBlank() ? List.of() : Arrays.asList(list.split(","));
    }
}
