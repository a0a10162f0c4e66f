package com.gridcare.usage;

import com.gridcare.db.Database;
import com.gridcare.kernel.SqlPart;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code usage_report}, {@code usage_median} and {@code usage_run}: figures computed for all
 * customers of a period in a few set-based statements, then worked through in pages by customer id.
 */
@Repository
class UsageReportStore {

    /** What a report row says of its message. */
    enum Status { COMPUTED, QUEUED, NO_CONSENT }

    /** What the rules and the outbox made of one report. */
    record Done(String customerId, String advice, String adviceRule, Status status) {}

    private final JdbcClient jdbc;
    /**
     * The two statements over every customer (medians, reports) without the application's query timeout, which
     * guards requests: over a million customers they run for minutes.
     */
    private final JdbcClient wholePeriod;
    private final JdbcTemplate batches;
    private final Database database;

    UsageReportStore(JdbcClient jdbc, JdbcTemplate batches, Database database, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.wholePeriod = JdbcClient.create(new JdbcTemplate(dataSource));
        this.batches = batches;
        this.database = database;
    }

    /** Records that a run of the period started (once; a rerun keeps the first start). */
    void startRun(UsagePeriod period, String by, OffsetDateTime now) {
        try {
            jdbc.sql(database.insertIgnoringDuplicates(
                    "INSERT INTO usage_run (period, kind, started_at, started_by) VALUES (?, ?, ?, ?)"))
                    .params(period.id(), period.kind().name(), now, by).update();
        } catch (DuplicateKeyException alreadyStarted) {
            // a rerun
        }
    }

    /**
     * The median consumption of the period per class and area over every customer with all months of the
     * period known; once per period (a rerun keeps the medians the first run's reports were compared with).
     */
    int computeMedians(UsagePeriod period, SqlPart customers, SqlPart totals) {
        if (jdbc.sql("SELECT COUNT(*) FROM usage_median WHERE period = ?").param(period.id()).query(Integer.class)
                .single() > 0) {
            return 0;
        }
        var params = new ArrayList<Object>();
        params.add(period.id());
        params.addAll(customers.params());
        params.addAll(totals.params());
        params.add(period.months());
        return wholePeriod.sql("""
                INSERT INTO usage_median (period, customer_class, area, median_kwh, customers)
                SELECT ?, c.customer_class, c.area, PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY t.kwh), COUNT(*)
                  FROM (%s) c JOIN (%s) t ON t.customer_id = c.customer_id
                 WHERE t.months = ?
                 GROUP BY c.customer_class, c.area""".formatted(customers.sql(), totals.sql()))
                .params(params).update();
    }

    /**
     * One report row per customer of {@code customers} who consents ({@code consents}: customer and
     * channel) on their preferred channel and has every month of the period, unless the customer has
     * the period's report already: one INSERT … SELECT.
     *
     * @return how many were computed now
     */
    int computeReports(UsagePeriod period, SqlPart customers, SqlPart consents, SqlPart totals, OffsetDateTime now) {
        var params = new ArrayList<Object>();
        params.add(period.id());
        params.add(period.kind().name());
        params.add(period.months());
        params.add(now);
        params.addAll(customers.params());
        params.addAll(consents.params());
        params.addAll(totals.params());
        params.add(period.months());
        params.add(period.id());
        params.add(period.id());
        return wholePeriod.sql(database.insertIgnoringDuplicates("""
                INSERT INTO usage_report (customer_id, period, kind, customer_class, area, tier, segments, channel, kwh,
                       kwh_last_year, class_median_kwh, months_12, kwh_12, max_month_kwh_12, summer_kwh_12,
                       winter_kwh_12, billed_12, late_bills_12, status, created_at)
                SELECT c.customer_id, ?, ?, c.customer_class, c.area, c.tier, c.segments, c.channel, t.kwh,
                       CASE WHEN t.months_last_year = ? THEN t.kwh_last_year END, m.median_kwh, t.months_12, t.kwh_12,
                       t.max_12, t.summer_12, t.winter_12, t.billed_12, t.late_12, 'COMPUTED', ?
                  FROM (%s) c
                  JOIN (%s) g ON g.customer_id = c.customer_id AND g.channel = c.channel
                  JOIN (%s) t ON t.customer_id = c.customer_id AND t.months = ?
                  LEFT JOIN usage_median m ON m.period = ? AND m.customer_class = c.customer_class AND m.area = c.area
                 WHERE NOT EXISTS (SELECT 1 FROM usage_report r WHERE r.customer_id = c.customer_id AND r.period = ?)"""
                .formatted(customers.sql(), consents.sql(), totals.sql())))
                .params(params).update();
    }

    /** The next page of the period's reports not yet handed to the outbox, by customer id. */
    List<UsageReportRow> computed(String period, String afterCustomerId, int limit) {
        return jdbc.sql("""
                SELECT * FROM usage_report WHERE period = ? AND status = 'COMPUTED' AND customer_id > ?
                 ORDER BY customer_id LIMIT ?""")
                .params(period, afterCustomerId, limit).query(ROW).list();
    }

    /** Advice and outcome of a page of reports: on PostgreSQL one statement over arrays, on H2 one JDBC batch. */
    void finish(String period, String ruleVersion, List<Done> done, OffsetDateTime now) {
        if (database.isPostgres()) {
            jdbc.sql("""
                    UPDATE usage_report r
                       SET advice = d.advice, advice_rule = d.advice_rule, rule_version = ?, status = d.status,
                           queued_at = CASE WHEN d.status = 'QUEUED' THEN ?::timestamptz END
                      FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])
                           AS d (customer_id, advice, advice_rule, status)
                     WHERE r.customer_id = d.customer_id AND r.period = ? AND r.status = 'COMPUTED'""")
                    .params(ruleVersion, now, done.stream().map(Done::customerId).toArray(String[]::new),
                            done.stream().map(Done::advice).toArray(String[]::new),
                            done.stream().map(d -> truncate(d.adviceRule(), 300)).toArray(String[]::new),
                            done.stream().map(d -> d.status().name()).toArray(String[]::new), period)
                    .update();
            return;
        }
        batches.batchUpdate("""
                UPDATE usage_report SET advice = ?, advice_rule = ?, rule_version = ?, status = ?, queued_at = ?
                 WHERE customer_id = ? AND period = ? AND status = 'COMPUTED'""",
                done.stream().map(d -> new Object[] {d.advice(), truncate(d.adviceRule(), 300), ruleVersion,
                        d.status().name(), d.status() == Status.QUEUED ? now : null, d.customerId(), period}).toList());
    }

    void finishRun(String period, OffsetDateTime now) {
        var counts = counts(period);
        jdbc.sql("""
                UPDATE usage_run SET finished_at = ?, reports = ?, queued = ?, not_queued = ? WHERE period = ?""")
                .params(now, counts.values().stream().mapToLong(Long::longValue).sum(),
                        counts.getOrDefault("QUEUED", 0L), counts.getOrDefault("NO_CONSENT", 0L), period)
                .update();
    }

    /** The period's reports by status. */
    Map<String, Long> counts(String period) {
        var counts = new TreeMap<String, Long>();
        jdbc.sql("SELECT status, COUNT(*) FROM usage_report WHERE period = ? GROUP BY status").param(period)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    Optional<UsageReportRow> find(String customerId, String period) {
        return jdbc.sql("SELECT * FROM usage_report WHERE customer_id = ? AND period = ?").params(customerId, period)
                .query(ROW).optional();
    }

    /** Erasure: the customer's reports go (their figures are personal data). */
    int erase(String customerId) {
        return jdbc.sql("DELETE FROM usage_report WHERE customer_id = ?").param(customerId).update();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static final RowMapper<UsageReportRow> ROW = (rs, n) -> new UsageReportRow(rs.getString("customer_id"),
            rs.getString("period"), ReportKind.valueOf(rs.getString("kind")), rs.getString("customer_class"),
            rs.getString("area"), rs.getString("tier"), rs.getString("segments"), rs.getString("channel"),
            rs.getBigDecimal("kwh"), rs.getBigDecimal("kwh_last_year"), rs.getBigDecimal("class_median_kwh"),
            rs.getInt("months_12"), rs.getBigDecimal("kwh_12"), rs.getBigDecimal("max_month_kwh_12"),
            rs.getBigDecimal("summer_kwh_12"), rs.getBigDecimal("winter_kwh_12"), rs.getBigDecimal("billed_12"),
            rs.getInt("late_bills_12"), rs.getString("advice"), rs.getString("advice_rule"),
            rs.getString("rule_version"), rs.getString("status"), rs.getObject("created_at", OffsetDateTime.class),
            rs.getObject("queued_at", OffsetDateTime.class));
}
