package com.gridcare.insight;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Closed months' service reports summed ahead ({@code service_report_month}, {@code service_report_cell}): per
 * section, row and the group, category, channel and tier of the cases counted, the figures' sums. A report of such
 * a month, with any filter, sums a few thousand of these instead of the month's facts. Read through a cache of
 * the parsed sums that checks the month's {@code computed_at} on every read (another node may have rolled it up).
 */
@Repository
public class ReportRollups {

    /**
     * A row's sums for the cases of one set of attributes ({@code attributes} {@code null}: facts of no case); only
     * group, category, channel and tier of the attributes are kept.
     */
    public record Cell(String section, String rowKey, String[] keys, boolean caseFact, CaseAttributes.Attributes attributes,
            double[] sums, long[] counts) {}

    public record Rollup(YearMonth month, OffsetDateTime computedAt, Map<String, List<Cell>> cells) {}

    private static final int CACHED_MONTHS = 48;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Map<YearMonth, Rollup> cache = new ConcurrentHashMap<>();

    ReportRollups(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** The month's rollup, if it has one. */
    public Optional<Rollup> read(YearMonth month) {
        var computedAt = jdbc.query("SELECT computed_at FROM service_report_month WHERE report_month = ?",
                (rs, n) -> rs.getObject(1, OffsetDateTime.class), month.toString());
        if (computedAt.isEmpty()) {
            cache.remove(month);
            return Optional.empty();
        }
        var cached = cache.get(month);
        if (cached != null && cached.computedAt().isEqual(computedAt.get(0))) return Optional.of(cached);
        var cells = jdbc.query("""
                SELECT section, row_key, case_fact, case_group, category, channel, tier, sums, counts
                  FROM service_report_cell WHERE report_month = ?""", (rs, n) -> {
            var rowKey = rs.getString(2);
            boolean caseFact = rs.getBoolean(3);
            return new Cell(rs.getString(1), rowKey, rowKey.split("\\|", -1), caseFact, caseFact
                    ? new CaseAttributes.Attributes(null, null, rs.getString(5), rs.getString(4), null, rs.getString(6),
                            null, null, rs.getString(7))
                    : null, Arrays.stream(rs.getString(8).split(",")).mapToDouble(Double::parseDouble).toArray(),
                    Arrays.stream(rs.getString(9).split(",")).mapToLong(Long::parseLong).toArray());
        }, month.toString());
        var rollup = new Rollup(month, computedAt.get(0), cells.stream().collect(Collectors.groupingBy(Cell::section)));
        if (cache.size() >= CACHED_MONTHS) cache.clear();
        cache.put(month, rollup);
        return Optional.of(rollup);
    }

    /**
     * Keeps these sums as the month's rollup, in place of the one before. Two nodes rolling up the same month take
     * turns on the month's row.
     */
    void write(YearMonth month, OffsetDateTime computedAt, List<Cell> cells, long millis) {
        transaction.executeWithoutResult(status -> {
            var key = month.toString();
            int updated = jdbc.update("UPDATE service_report_month SET computed_at = ?, cells = ?, millis = ? WHERE report_month = ?",
                    computedAt, cells.size(), (int) millis, key);
            if (updated == 0) {
                jdbc.update("INSERT INTO service_report_month (report_month, computed_at, cells, millis) VALUES (?, ?, ?, ?)", key,
                        computedAt, cells.size(), (int) millis);
            }
            jdbc.update("DELETE FROM service_report_cell WHERE report_month = ?", key);
            var rows = new ArrayList<Object[]>(cells.size());
            for (var c : cells) {
                var a = c.attributes();
                rows.add(new Object[] {key, c.section(), c.rowKey(), c.caseFact(), a == null ? null : a.group(),
                        a == null ? null : a.category(), a == null ? null : a.channel(), a == null ? null : a.tier(),
                        Arrays.stream(c.sums()).mapToObj(Double::toString).collect(Collectors.joining(",")),
                        Arrays.stream(c.counts()).mapToObj(Long::toString).collect(Collectors.joining(","))});
            }
            jdbc.batchUpdate("""
                    INSERT INTO service_report_cell (report_month, section, row_key, case_fact, case_group, category, channel, tier,
                        sums, counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        });
        cache.remove(month);
    }

    /** Drops the month's rollup: its report is summed from the facts again. */
    public void drop(YearMonth month) {
        jdbc.update("DELETE FROM service_report_month WHERE report_month = ?", month.toString());
        cache.remove(month);
    }

    /** The months rolled up, with when. */
    public Map<YearMonth, OffsetDateTime> months() {
        var out = new HashMap<YearMonth, OffsetDateTime>();
        jdbc.query("SELECT report_month, computed_at FROM service_report_month", rs -> {
            out.put(YearMonth.parse(rs.getString(1).trim()), rs.getObject(2, OffsetDateTime.class));
        });
        return out;
    }
}
