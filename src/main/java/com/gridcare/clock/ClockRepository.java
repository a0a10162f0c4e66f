package com.gridcare.clock;

import com.gridcare.db.TransactionCache;
import com.gridcare.insight.ServiceMetrics;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Case clocks and their state history in GridCare's tables. */
@Repository
class ClockRepository {

    /** A clock record as stored. Times are working time in milliseconds of the clock's calendar. */
    record ClockRecord(String id, String caseId, SlaClock clock, String calendarId, BigDecimal targetAmount,
            TargetUnit targetUnit, long targetMillis, Long warnAfterMillis, boolean pausable, OffsetDateTime startedAt,
            OffsetDateTime warnAt, OffsetDateTime dueAt, long pausedMillis, OffsetDateTime pausedAt, ClockState state,
            ClockState stateBeforePause, OffsetDateTime stateChangedAt, OffsetDateTime completedAt, String catalogueRow,
            String source, String decisionId) {
    }

    /** One change of state. */
    record StateChange(int seq, ClockState state, OffsetDateTime changedAt, OffsetDateTime dueAt, String note) {
    }

    private final JdbcClient jdbc;
    /**
     * The clocks this transaction has read, by case. One engine command reads a case's clocks for every
     * timer and task due date it creates (5 times when a complaint's resolution starts); they are read
     * once instead. Every change here (all changes to case_clock are here) forgets the case.
     */
    private final TransactionCache<String, Map<SlaClock, ClockRecord>> read = new TransactionCache<>();

    private final ServiceMetrics metrics;

    ClockRepository(JdbcClient jdbc, ServiceMetrics metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    /** @return false when the case already has this clock (a retried start) */
    boolean insert(ClockRecord c, String note) {
        if (find(c.caseId(), c.clock()).isPresent()) return false;
        forget(c.caseId());
        jdbc.sql("""
                INSERT INTO case_clock (id, case_id, clock_name, calendar_id, target_amount, target_unit, target_millis,
                       warn_after_millis, pausable, started_at, warn_at, due_at, paused_millis, paused_at, state,
                       state_before_pause, state_changed_at, completed_at, catalogue_row, source, decision_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id(), c.caseId(), c.clock().name(), c.calendarId(), c.targetAmount(), c.targetUnit().name(),
                        c.targetMillis(), c.warnAfterMillis(), c.pausable(), c.startedAt(), c.warnAt(), c.dueAt(),
                        c.pausedMillis(), c.pausedAt(), c.state().name(), null, c.stateChangedAt(), c.completedAt(),
                        truncate(c.catalogueRow(), 200), truncate(c.source(), 400), c.decisionId())
                .update();
        appendHistory(c.id(), c.state(), c.stateChangedAt(), c.dueAt(), note);
        return true;
    }

    Optional<ClockRecord> find(String caseId, SlaClock clock) {
        return Optional.ofNullable(read.get(caseId, this::clocksOf).get(clock));
    }

    /** The same, locking the row until the transaction ends, so that concurrent timers change it one after the other. */
    Optional<ClockRecord> lock(String caseId, SlaClock clock) {
        // what this transaction read before may have changed until the lock: read it again from here on
        forget(caseId);
        return jdbc.sql("SELECT * FROM case_clock WHERE case_id = ? AND clock_name = ? FOR UPDATE")
                .params(caseId, clock.name()).query(ClockRepository::map).optional();
    }

    List<ClockRecord> ofCase(String caseId) {
        return read.get(caseId, this::clocksOf).values().stream().sorted(Comparator.comparing(ClockRecord::clock))
                .toList();
    }

    private Map<SlaClock, ClockRecord> clocksOf(String caseId) {
        var clocks = new EnumMap<SlaClock, ClockRecord>(SlaClock.class);
        jdbc.sql("SELECT * FROM case_clock WHERE case_id = ?").param(caseId).query(ClockRepository::map).list()
                .forEach(c -> clocks.put(c.clock(), c));
        return clocks;
    }

    private void forget(String caseId) {
        read.forget(caseId);
    }

    List<ClockRecord> open() {
        return jdbc.sql("SELECT * FROM case_clock WHERE state IN ('RUNNING', 'WARNED', 'PAUSED')")
                .query(ClockRepository::map).list();
    }

    void changeState(ClockRecord c, ClockState state, OffsetDateTime at, OffsetDateTime completedAt, String note) {
        forget(c.caseId());
        jdbc.sql("UPDATE case_clock SET state = ?, state_changed_at = ?, completed_at = ? WHERE id = ?")
                .params(state.name(), at, completedAt, c.id()).update();
        appendHistory(c.id(), state, at, c.dueAt(), note);
        if (state == ClockState.BREACHED) metrics.slaBreach(c.clock().name());
    }

    /** The work was done after the clock had already breached: the state stays, the completion is recorded. */
    void complete(ClockRecord c, OffsetDateTime at, String note) {
        forget(c.caseId());
        jdbc.sql("UPDATE case_clock SET completed_at = ? WHERE id = ?").params(at, c.id()).update();
        appendHistory(c.id(), c.state(), at, c.dueAt(), note);
    }

    void pause(ClockRecord c, OffsetDateTime at, String note) {
        forget(c.caseId());
        jdbc.sql("""
                UPDATE case_clock SET state = 'PAUSED', state_before_pause = ?, paused_at = ?, state_changed_at = ?
                 WHERE id = ?""")
                .params(c.state().name(), at, at, c.id()).update();
        appendHistory(c.id(), ClockState.PAUSED, at, c.dueAt(), note);
    }

    void resume(ClockRecord c, OffsetDateTime at, long pausedMillis, OffsetDateTime warnAt, OffsetDateTime dueAt,
            String note) {
        forget(c.caseId());
        var state = c.stateBeforePause() == null ? ClockState.RUNNING : c.stateBeforePause();
        jdbc.sql("""
                UPDATE case_clock SET state = ?, state_before_pause = NULL, paused_at = NULL, paused_millis = ?,
                       warn_at = ?, due_at = ?, state_changed_at = ?
                 WHERE id = ?""")
                .params(state.name(), pausedMillis, warnAt, dueAt, at, c.id()).update();
        appendHistory(c.id(), state, at, dueAt, note);
    }

    /** New warning and due dates for the same working time, e.g. after the calendar changed. */
    void moveDates(ClockRecord c, OffsetDateTime warnAt, OffsetDateTime dueAt, OffsetDateTime at, String note) {
        forget(c.caseId());
        jdbc.sql("UPDATE case_clock SET warn_at = ?, due_at = ? WHERE id = ?").params(warnAt, dueAt, c.id()).update();
        appendHistory(c.id(), c.state(), at, dueAt, note);
    }

    List<StateChange> history(String clockId) {
        return jdbc.sql("SELECT * FROM case_clock_state WHERE clock_id = ? ORDER BY seq").param(clockId)
                .query((rs, n) -> new StateChange(rs.getInt("seq"), ClockState.valueOf(rs.getString("state")),
                        rs.getObject("changed_at", OffsetDateTime.class), rs.getObject("due_at", OffsetDateTime.class),
                        rs.getString("note")))
                .list();
    }

    private void appendHistory(String clockId, ClockState state, OffsetDateTime at, OffsetDateTime dueAt, String note) {
        // the next number in the same statement: changes of one clock hold its row locked, so none come between
        jdbc.sql("INSERT INTO case_clock_state (clock_id, seq, state, changed_at, due_at, note)"
                        + " SELECT ?, COALESCE(MAX(seq), 0) + 1, ?, ?, ?, ? FROM case_clock_state WHERE clock_id = ?")
                .params(clockId, state.name(), at, dueAt, truncate(note, 400), clockId).update();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    private static ClockRecord map(ResultSet rs, int row) throws SQLException {
        var before = rs.getString("state_before_pause");
        return new ClockRecord(rs.getString("id"), rs.getString("case_id"), SlaClock.valueOf(rs.getString("clock_name")),
                rs.getString("calendar_id"), rs.getBigDecimal("target_amount"),
                TargetUnit.valueOf(rs.getString("target_unit")), rs.getLong("target_millis"),
                (Long) rs.getObject("warn_after_millis", Long.class), rs.getBoolean("pausable"),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("warn_at", OffsetDateTime.class),
                rs.getObject("due_at", OffsetDateTime.class), rs.getLong("paused_millis"),
                rs.getObject("paused_at", OffsetDateTime.class), ClockState.valueOf(rs.getString("state")),
                before == null ? null : ClockState.valueOf(before), rs.getObject("state_changed_at", OffsetDateTime.class),
                rs.getObject("completed_at", OffsetDateTime.class), rs.getString("catalogue_row"), rs.getString("source"),
                rs.getString("decision_id"));
    }
}
