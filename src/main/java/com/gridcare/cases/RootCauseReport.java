package com.gridcare.cases;

import com.gridcare.kernel.EngineClock;
import com.gridcare.api.Csv;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Why customers complained: the complaints closed in a period (Beijing dates, both ends included; not
 * withdrawn ones) by month closed, category and the root cause of their final resolution, from the
 * case record. Per line: how many, how many the final resolution found justified, partly justified or
 * not, the justified share ((justified + partly justified) ÷ complaints) and the goodwill granted on
 * them in CNY (every goodwill decision that approved some, in every round of a reopened complaint).
 * A complaint closed without a recorded resolution (imported history) has the root cause
 * {@value #NOT_RECORDED}.
 */
@Service
public class RootCauseReport {

    public static final String NOT_RECORDED = "NOT_RECORDED";
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    /** One line: the complaints of one month, category and root cause. */
    public record Line(String month, String category, String rootCause, int complaints, int justified,
            int partlyJustified, int notJustified, BigDecimal justifiedShare, BigDecimal goodwillTotal) {}

    public record Report(LocalDate from, LocalDate to, int complaints, BigDecimal goodwillTotal, List<Line> lines) {

        public String csv() {
            var out = Csv.withHeader("month", "category", "rootCause", "complaints", "justified", "partlyJustified",
                    "notJustified", "justifiedShare", "goodwillTotalCny");
            for (var line : lines) {
                out.row(line.month(), line.category(), line.rootCause(), line.complaints(), line.justified(),
                        line.partlyJustified(), line.notJustified(), line.justifiedShare(), line.goodwillTotal());
            }
            return out.toString();
        }
    }

    private record Closed(String month, String category, String rootCause, String justified, BigDecimal goodwill) {}

    private final JdbcClient jdbc;

    RootCauseReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Report of(LocalDate from, LocalDate to) {
        var start = from.atStartOfDay(EngineClock.ZONE).toOffsetDateTime();
        var end = to.plusDays(1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime();
        var closed = jdbc.sql("""
                SELECT c.closed_at, c.category, r.root_cause, r.justified,
                       (SELECT COALESCE(SUM(g.amount), 0) FROM case_step g
                         WHERE g.case_id = c.id AND g.kind = 'GOODWILL_DECISION' AND g.outcome = 'APPROVED') AS goodwill
                  FROM service_case c
                  LEFT JOIN case_step r ON r.id = (SELECT MAX(s.id) FROM case_step s
                         WHERE s.case_id = c.id AND s.kind = 'RESOLUTION' AND s.outcome = 'RESOLVED')
                 WHERE c.kind = 'COMPLAINT' AND c.status = 'CLOSED' AND c.closed_at >= ? AND c.closed_at < ?""")
                .params(start, end)
                .query((rs, n) -> new Closed(
                        rs.getObject(1, OffsetDateTime.class).atZoneSameInstant(EngineClock.ZONE).format(MONTH),
                        rs.getString(2), rs.getString(3) == null ? NOT_RECORDED : rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5)))
                .list();
        var grouped = new TreeMap<String, List<Closed>>();
        for (var c : closed) {
            grouped.computeIfAbsent(c.month() + "|" + c.category() + "|" + c.rootCause(), k -> new ArrayList<>()).add(c);
        }
        var lines = new ArrayList<Line>();
        for (Map.Entry<String, List<Closed>> group : grouped.entrySet()) {
            var all = group.getValue();
            var first = all.get(0);
            int justified = count(all, "JUSTIFIED");
            int partly = count(all, "PARTLY_JUSTIFIED");
            var share = BigDecimal.valueOf(justified + partly).divide(BigDecimal.valueOf(all.size()), 3,
                    RoundingMode.HALF_UP);
            lines.add(new Line(first.month(), first.category(), first.rootCause(), all.size(), justified, partly,
                    count(all, "NOT_JUSTIFIED"), share, total(all)));
        }
        return new Report(from, to, closed.size(), total(closed), lines);
    }

    private static int count(List<Closed> closed, String justified) {
        return (int) closed.stream().filter(c -> justified.equals(c.justified())).count();
    }

    private static BigDecimal total(List<Closed> closed) {
        return closed.stream().map(Closed::goodwill).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
    }
}
