package com.gridcare.cases;

import com.gridcare.insight.CaseAttributes;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

    /** A case as the workload counts it. */
    record CaseTimes(String id, String group, String category, OffsetDateTime receivedAt, OffsetDateTime closedAt) {}

    /** A complaint closed, not withdrawn: its contacts and reopenings, the final resolution, goodwill granted. */
    record ClosedComplaint(String id, String group, String category, OffsetDateTime receivedAt,
            OffsetDateTime closedAt, int contacts, int reopened, String rootCause, String justified,
            BigDecimal goodwill) {}

    record Escalation(String caseId, String kind, int level, String group, String category) {}

    private final JdbcClient jdbc;

    CaseReportFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Cases received in {@code [start, end)}, closed or withdrawn in it, or open at {@code asOf}. */
    List<CaseTimes> touched(OffsetDateTime start, OffsetDateTime end, OffsetDateTime asOf) {
        var cases = new LinkedHashMap<String, CaseTimes>();
        var columns = "SELECT id, assigned_group, category, received_at, closed_at FROM service_case ";
        for (var c : jdbc.sql(columns + "WHERE received_at >= ? AND received_at < ?").params(start, end)
                .query(CaseReportFacts::times).list()) cases.put(c.id(), c);
        for (var c : jdbc.sql(columns + "WHERE closed_at >= ? AND closed_at < ?").params(start, end)
                .query(CaseReportFacts::times).list()) cases.putIfAbsent(c.id(), c);
        for (var c : jdbc.sql(columns + "WHERE (closed_at IS NULL OR closed_at >= ?) AND received_at < ?")
                .params(asOf, asOf).query(CaseReportFacts::times).list()) cases.putIfAbsent(c.id(), c);
        return List.copyOf(cases.values());
    }

    private static CaseTimes times(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new CaseTimes(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class));
    }

    /**
     * The month's closed complaints and their record: the complaints by the time closed, then the steps of just
     * those complaints through the case index (one look-up of them all; joining the steps in SQL made PostgreSQL
     * scan every step), summed here: contacts, reopenings, goodwill approved, the last resolution.
     */
    List<ClosedComplaint> closedComplaints(OffsetDateTime start, OffsetDateTime end) {
        var cases = jdbc.sql("""
                SELECT id, assigned_group, category, received_at, closed_at FROM service_case
                 WHERE closed_at >= ? AND closed_at < ? AND kind = 'COMPLAINT' AND status = 'CLOSED'""")
                .params(start, end).query(CaseReportFacts::times).list();
        if (cases.isEmpty()) return List.of();
        record Summary(int[] counts, BigDecimal[] goodwill, long[] resolution, String[] cause) {}
        var summaries = new HashMap<String, Summary>();
        for (var c : cases) {
            summaries.put(c.id(), new Summary(new int[2], new BigDecimal[] {BigDecimal.ZERO}, new long[] {-1}, new String[2]));
        }
        jdbc.sql("""
                SELECT case_id, id, kind, outcome, root_cause, justified, amount FROM case_step
                 WHERE case_id = ANY(?) AND kind IN ('CONTACT', 'REOPENED', 'GOODWILL_DECISION', 'RESOLUTION')""")
                .param(cases.stream().map(CaseTimes::id).toArray(String[]::new))
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
            var s = summaries.get(c.id());
            return new ClosedComplaint(c.id(), c.group(), c.category(), c.receivedAt(), c.closedAt(), s.counts()[0],
                    s.counts()[1], s.cause()[0], s.cause()[1], s.goodwill()[0]);
        }).toList();
    }

    /** Cases (complaints and service requests) closed, not withdrawn, in {@code [start, end)}. */
    List<CaseTimes> closed(OffsetDateTime start, OffsetDateTime end) {
        return jdbc.sql("""
                SELECT id, assigned_group, category, received_at, closed_at FROM service_case
                 WHERE closed_at >= ? AND closed_at < ? AND status = 'CLOSED'""")
                .params(start, end).query(CaseReportFacts::times).list();
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
        jdbc.sql("""
                SELECT id, kind, category, assigned_group, status, channel, received_at, closed_at, tier
                  FROM service_case WHERE id = ANY(?)""")
                .param(caseIds.toArray(String[]::new))
                .query((rs, n) -> new Attributes(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class),
                        rs.getObject(8, OffsetDateTime.class), rs.getString(9)))
                .list().forEach(a -> found.put(a.caseId(), a));
        return found;
    }
}
