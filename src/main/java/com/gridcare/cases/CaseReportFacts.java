package com.gridcare.cases;

import com.gridcare.insight.CaseAttributes;
import com.gridcare.insight.ReportScope;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the monthly service report reads from the case tables and the case record: the cases a month
 * touched, the complaints closed in it with their final resolution, its escalations; and the attributes
 * of any case for the report's breakdowns and drill-down lists.
 */
@Repository
class CaseReportFacts implements CaseAttributes {

    /** A complaint closed, not withdrawn: its contacts and reopenings, the final resolution, goodwill granted. */
    record ClosedComplaint(String id, String group, String category, OffsetDateTime receivedAt,
            OffsetDateTime closedAt, int contacts, int reopened, String rootCause, String justified,
            BigDecimal goodwill) {}

    record Escalation(String caseId, String kind, int level, String group, String category) {}

    private final JdbcClient jdbc;

    CaseReportFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Cases received in the scope's month, closed or withdrawn in it, or open at {@code asOf}: read once per
     * report (the workload counts them, and they are most of the cases other sections' facts belong to).
     */
    Map<String, Attributes> touched(ReportScope scope) {
        return scope.shared("cases.touched", () -> {
            var cases = new HashMap<String, Attributes>();
            var start = scope.start();
            var end = scope.end();
            var asOf = scope.asOf();
            read("received_at >= ? AND received_at < ?", cases, start, end);
            // the others were received before the month: closed in it, or open at asOf (two index range reads:
            // with an OR, PostgreSQL scans every case ever received)
            read("closed_at >= ? AND closed_at < ? AND received_at < ?", cases, start, end, start);
            read("closed_at IS NULL AND received_at < ?", cases, start);
            read("closed_at >= ? AND received_at < ?", cases, asOf, start);
            return cases;
        });
    }

    private void read(String where, Map<String, Attributes> into, Object... params) {
        jdbc.sql(ATTRIBUTES + " WHERE " + where).params(params).query(CaseReportFacts::attributes)
                .list().forEach(a -> into.putIfAbsent(a.caseId(), a));
    }

    private static final String ATTRIBUTES = """
            SELECT id, kind, category, assigned_group, status, channel, received_at, closed_at, tier FROM service_case""";

    private static Attributes attributes(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Attributes(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getObject(7, OffsetDateTime.class), rs.getObject(8, OffsetDateTime.class),
                rs.getString(9));
    }

    /**
     * The month's closed complaints and their record: the complaints by the time closed, then the steps of just
     * those complaints through the case index (one look-up of them all; joining the steps in SQL made PostgreSQL
     * scan every step), summed here: contacts, reopenings, goodwill approved, the last resolution.
     */
    List<ClosedComplaint> closedComplaints(ReportScope scope) {
        // read here rather than taken from touched(scope): the step look-up then runs beside that read, not after it
        var cases = jdbc.sql(ATTRIBUTES + " WHERE closed_at >= ? AND closed_at < ? AND kind = 'COMPLAINT' AND status = 'CLOSED'")
                .params(scope.start(), scope.end()).query(CaseReportFacts::attributes).list();
        if (cases.isEmpty()) return List.of();
        record Summary(int[] counts, BigDecimal[] goodwill, long[] resolution, String[] cause) {}
        var summaries = new HashMap<String, Summary>();
        for (var c : cases) {
            summaries.put(c.caseId(), new Summary(new int[2], new BigDecimal[] {BigDecimal.ZERO}, new long[] {-1}, new String[2]));
        }
        jdbc.sql("""
                SELECT case_id, id, kind, outcome, root_cause, justified, amount FROM case_step
                 WHERE case_id = ANY(?) AND kind IN ('CONTACT', 'REOPENED', 'GOODWILL_DECISION', 'RESOLUTION')""")
                .param(cases.stream().map(Attributes::caseId).toArray(String[]::new))
                .query((rs, n) -> {
                    var s = summaries.get(rs.getString(1));
                    var kind = rs.getString(3);
                    var outcome = rs.getString(4);
                    switch (kind) {
                        case "CONTACT" -> s.counts()[0]++;
                        case "REOPENED" -> s.counts()[1]++;
                        case "GOODWILL_DECISION" -> {
                            if ("APPROVED".equals(outcome) && rs.getBigDecimal(7) != null) {
                                s.goodwill()[0] = s.goodwill()[0].add(rs.getBigDecimal(7));
                            }
                        }
                        default -> {
                            if ("RESOLVED".equals(outcome) && rs.getLong(2) > s.resolution()[0]) {
                                s.resolution()[0] = rs.getLong(2);
                                s.cause()[0] = rs.getString(5);
                                s.cause()[1] = rs.getString(6);
                            }
                        }
                    }
                    return null;
                }).list();
        return cases.stream().map(c -> {
            var s = summaries.get(c.caseId());
            return new ClosedComplaint(c.caseId(), c.group(), c.category(), c.receivedAt(), c.closedAt(), s.counts()[0],
                    s.counts()[1], s.cause()[0], s.cause()[1], s.goodwill()[0]);
        }).toList();
    }

    /** Cases (complaints and service requests) closed, not withdrawn, in the scope's month. */
    List<Attributes> closed(ReportScope scope) {
        return touched(scope).values().stream()
                .filter(c -> "CLOSED".equals(c.status()) && c.closedAt() != null
                        && !c.closedAt().isBefore(scope.start()) && c.closedAt().isBefore(scope.end()))
                .toList();
    }

    List<Escalation> escalations(OffsetDateTime start, OffsetDateTime end) {
        return jdbc.sql("""
                SELECT e.case_id, e.kind, e.escalation_level, c.assigned_group, c.category
                  FROM case_escalation e JOIN service_case c ON c.id = e.case_id
                 WHERE e.escalated_at >= ? AND e.escalated_at < ?""")
                .params(start, end)
                .query((rs, n) -> new Escalation(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5)))
                .list();
    }

    @Override
    public Map<String, Attributes> of(Collection<String> caseIds) {
        var found = new HashMap<String, Attributes>();
        if (caseIds.isEmpty()) return found;
        jdbc.sql(ATTRIBUTES + " WHERE id = ANY(?)").param(caseIds.toArray(String[]::new))
                .query(CaseReportFacts::attributes).list().forEach(a -> found.put(a.caseId(), a));
        return found;
    }

    @Override
    public Map<String, Attributes> of(Collection<String> caseIds, ReportScope scope) {
        var month = touched(scope);
        var found = new HashMap<String, Attributes>();
        var others = new java.util.ArrayList<String>();
        for (var id : caseIds) {
            var a = month.get(id);
            if (a != null) found.put(id, a);
            else others.add(id);
        }
        found.putAll(of(others));
        return found;
    }
}
