package com.gridcare.points;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The append-only points ledger. Every entry carries a unique key naming the event that earned or
 * spent the points, so that a retried job or a repeated request never books twice.
 */
@Service
public class PointsLedger {

    /** One booking: positive points earned, negative points spent. */
    public record Entry(String offerCode, int points, String entryKey, String reason, String caseId,
            String decisionId, OffsetDateTime recordedAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    PointsLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Books points earned by an event.
     *
     * @param entryKey unique per earning event, e.g. {@code SURVEY_THANKS:SVY-2026-000123}
     * @return true when booked now, false when this event was booked before
     */
    public boolean credit(String customerId, String offerCode, int points, String entryKey, String reason,
            String caseId, String decisionId) {
        if (points <= 0) {
            throw new IllegalArgumentException("a credit books positive points, not " + points);
        }
        return book(customerId, offerCode, points, entryKey, reason, caseId, decisionId);
    }

    /**
     * Books points spent, e.g. redeemed on a bill.
     *
     * @return true when booked now, false when this spending was booked before
     * @throws IllegalStateException when the balance does not cover it
     */
    public boolean spend(String customerId, String purpose, int points, String entryKey, String reason) {
        if (points <= 0) {
            throw new IllegalArgumentException("spend a positive number of points, not " + points);
        }
        if (exists(entryKey)) {
            return false;
        }
        if (balance(customerId) < points) {
            throw new IllegalStateException("customer " + customerId + " has fewer than " + points + " points");
        }
        return book(customerId, purpose, -points, entryKey, reason, null, null);
    }

    private boolean book(String customerId, String offerCode, int points, String entryKey, String reason,
            String caseId, String decisionId) {
        // Insert-if-absent in SQL both databases accept; the unique key still guards a race.
        int inserted = jdbc.sql("""
                INSERT INTO points_ledger (customer_id, offer_code, points, entry_key, reason, case_id, decision_id,
                                           recorded_at)
                SELECT ?, ?, ?, ?, ?, ?, ?, ?
                 WHERE NOT EXISTS (SELECT 1 FROM points_ledger WHERE entry_key = ?)""")
                .params(customerId, offerCode, points, entryKey, reason, caseId, decisionId,
                        OffsetDateTime.now(clock), entryKey)
                .update();
        return inserted == 1;
    }

    public boolean exists(String entryKey) {
        return jdbc.sql("SELECT COUNT(*) FROM points_ledger WHERE entry_key = ?").param(entryKey)
                .query(Integer.class).single() > 0;
    }

    /** The booking of an event, if booked. */
    public java.util.Optional<Entry> entry(String entryKey) {
        return jdbc.sql("""
                SELECT offer_code, points, entry_key, reason, case_id, decision_id, recorded_at FROM points_ledger
                 WHERE entry_key = ?""")
                .param(entryKey)
                .query((rs, n) -> new Entry(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)))
                .optional();
    }

    public int balance(String customerId) {
        return jdbc.sql("SELECT COALESCE(SUM(points), 0) FROM points_ledger WHERE customer_id = ?")
                .param(customerId).query(Integer.class).single();
    }

    /** How many times an offer was credited since a moment (e.g. SURVEY_THANKS in the last year). */
    public int timesCredited(String customerId, String offerCode, OffsetDateTime since) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM points_ledger
                 WHERE customer_id = ? AND offer_code = ? AND points > 0 AND recorded_at >= ?""")
                .params(customerId, offerCode, since).query(Integer.class).single();
    }

    /** The offers a customer was ever credited, e.g. once-only offers already had. */
    public java.util.Set<String> offersCredited(String customerId) {
        return new java.util.TreeSet<>(jdbc.sql("SELECT DISTINCT offer_code FROM points_ledger WHERE customer_id = ? AND points > 0")
                .param(customerId).query(String.class).list());
    }

    public List<Entry> entries(String customerId, int limit) {
        return jdbc.sql("""
                SELECT offer_code, points, entry_key, reason, case_id, decision_id, recorded_at FROM points_ledger
                 WHERE customer_id = ? ORDER BY recorded_at DESC, id DESC""")
                .param(customerId)
                .query((rs, n) -> new Entry(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)))
                .list().stream().limit(limit).toList();
    }
}
