package com.gridcare.insight;

import static com.gridcare.testsupport.ReportJson.section;
import static com.gridcare.testsupport.ReportJson.rows;
import static com.gridcare.testsupport.ReportJson.n;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridcare.kernel.EngineClock;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.ReportJson;
import com.gridcare.testsupport.TestData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.poi.ss.usermodel.CellType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The monthly service report over the seeded fixture ({@link ServiceReportFixture}: a few hundred cases from
 * December 2012 to April 2013) against counts made by hand in SQL, for every month, without a filter and for
 * one group; the workbook holds the same figures; every count's drill-down lists as many cases as it counts,
 * and the cases behind breached first-contact clocks are exactly those SQL finds.
 */
@GridCareTest
class ServiceReportTest {

    static final List<String> MONTHS = List.of("2012-12", "2013-01", "2013-02", "2013-03", "2013-04");

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    JdbcClient jdbc;

    Api manager;

    @BeforeEach
    void seed() {
        manager = ServiceReportFixture.seedForManager(jdbc, testData, port);
    }

    private JsonNode report(String month, String group) {
        var answer = manager.get("/api/v1/reports/service?month=" + month + (group == null ? "" : "&group=" + group));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    record Scope(OffsetDateTime start, OffsetDateTime end) {}

    private static Scope scope(String month) {
        var m = YearMonth.parse(month);
        return new Scope(m.atDay(1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime(),
                m.plusMonths(1).atDay(1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime());
    }

    private Map<String, String> handCounts(String sql, List<Object> params, String... figures) {
        return ReportJson.handCounts(jdbc, sql, params, figures);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "billing"})
    void everyFigureEqualsTheCountMadeByHandInSql(String groupFilter) {
        var group = groupFilter.isEmpty() ? null : groupFilter;
        var g = group == null ? "" : " AND c.assigned_group = '" + group + "'";
        for (var month : MONTHS) {
            var s = scope(month);
            var report = report(month, group);
            assertThat(report.path("month").asText()).isEqualTo(month);
            var end = s.end();

            assertThat(rows(section(report, "workload"), "received", "closed", "open", "aged0to2", "aged3to5",
                    "aged6to10", "agedOver10")).as("workload " + month).isEqualTo(handCounts("""
                    SELECT c.assigned_group,
                           SUM(CASE WHEN c.received_at >= ? AND c.received_at < ? THEN 1 ELSE 0 END),
                           SUM(CASE WHEN c.closed_at >= ? AND c.closed_at < ? THEN 1 ELSE 0 END),
                           SUM(CASE WHEN c.received_at < ? AND (c.closed_at IS NULL OR c.closed_at >= ?) THEN 1 ELSE 0 END),
                           SUM(CASE WHEN c.received_at < ? AND (c.closed_at IS NULL OR c.closed_at >= ?) AND c.received_at > ? THEN 1 ELSE 0 END),
                           SUM(CASE WHEN c.received_at < ? AND (c.closed_at IS NULL OR c.closed_at >= ?) AND c.received_at <= ? AND c.received_at > ? THEN 1 ELSE 0 END),
                           SUM(CASE WHEN c.received_at < ? AND (c.closed_at IS NULL OR c.closed_at >= ?) AND c.received_at <= ? AND c.received_at > ? THEN 1 ELSE 0 END),
                           SUM(CASE WHEN c.received_at < ? AND (c.closed_at IS NULL OR c.closed_at >= ?) AND c.received_at <= ? THEN 1 ELSE 0 END)
                      FROM service_case c
                     WHERE ((c.received_at >= ? AND c.received_at < ?) OR (c.closed_at >= ? AND c.closed_at < ?)
                            OR (c.received_at < ? AND (c.closed_at IS NULL OR c.closed_at >= ?)))""" + g + """
                     GROUP BY c.assigned_group""",
                    List.of(s.start(), end, s.start(), end, end, end, end, end, end.minusDays(3), end, end,
                            end.minusDays(3), end.minusDays(6), end, end, end.minusDays(6), end.minusDays(11), end, end,
                            end.minusDays(11), s.start(), end, s.start(), end, end, end),
                    "received", "closed", "open", "aged0to2", "aged3to5", "aged6to10", "agedOver10"));

            assertThat(rows(section(report, "sla"), "decided", "met", "breached", "compliance")).as("sla " + month)
                    .isEqualTo(handCounts("""
                            SELECT k.clock_name, c.assigned_group, COUNT(*),
                                   SUM(CASE WHEN k.state = 'MET' THEN 1 ELSE 0 END),
                                   SUM(CASE WHEN k.state = 'BREACHED' THEN 1 ELSE 0 END),
                                   ROUND(CAST(SUM(CASE WHEN k.state = 'MET' THEN 1 ELSE 0 END) AS DECIMAL(10, 4)) / COUNT(*), 3)
                              FROM case_clock k JOIN service_case c ON c.id = k.case_id
                             WHERE k.state IN ('MET', 'BREACHED') AND k.state_changed_at >= ? AND k.state_changed_at < ?"""
                            + g + " GROUP BY k.clock_name, c.assigned_group",
                            List.of(s.start(), end), "decided", "met", "breached", "compliance"));

            var closedComplaints = """
                    FROM service_case c
                    LEFT JOIN case_step r ON r.id = (SELECT MAX(x.id) FROM case_step x
                           WHERE x.case_id = c.id AND x.kind = 'RESOLUTION' AND x.outcome = 'RESOLVED')
                   WHERE c.kind = 'COMPLAINT' AND c.status = 'CLOSED' AND c.closed_at >= ? AND c.closed_at < ?""" + g;
            var goodwill = "(SELECT COALESCE(SUM(w.amount), 0) FROM case_step w WHERE w.case_id = c.id"
                    + " AND w.kind = 'GOODWILL_DECISION' AND w.outcome = 'APPROVED')";
            var reopened = "EXISTS (SELECT 1 FROM case_step o WHERE o.case_id = c.id AND o.kind = 'REOPENED')";
            var oneContact = "(SELECT COUNT(*) FROM case_step k WHERE k.case_id = c.id AND k.kind = 'CONTACT') = 1";
            assertThat(rows(section(report, "resolution"), "closed", "firstContact", "reopened", "goodwillCny"))
                    .as("resolution " + month).isEqualTo(handCounts("SELECT c.assigned_group, c.category, COUNT(*),"
                            + " SUM(CASE WHEN " + oneContact + " AND NOT " + reopened + " THEN 1 ELSE 0 END),"
                            + " SUM(CASE WHEN " + reopened + " THEN 1 ELSE 0 END), SUM(" + goodwill + ") "
                            + closedComplaints + " GROUP BY c.assigned_group, c.category",
                            List.of(s.start(), end), "closed", "firstContact", "reopened", "goodwillCny"));
            // average days to close: the same complaints' durations, averaged here
            var days = new TreeMap<String, List<Double>>();
            jdbc.sql("SELECT c.assigned_group, c.category, c.received_at, c.closed_at " + closedComplaints)
                    .params(s.start(), end).query((rs, x) -> days.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2),
                            k -> new ArrayList<>()).add(Duration.between(rs.getObject(3, OffsetDateTime.class),
                            rs.getObject(4, OffsetDateTime.class)).toMinutes() / 1440.0)).list();
            var averages = new TreeMap<String, String>();
            days.forEach((k, v) -> averages.put(k, "daysToClose=" + BigDecimal.valueOf(
                    v.stream().mapToDouble(Double::doubleValue).average().orElseThrow()).setScale(1, RoundingMode.HALF_UP)
                    .stripTrailingZeros().toPlainString()));
            assertThat(rows(section(report, "resolution"), "daysToClose")).isEqualTo(averages);

            assertThat(rows(section(report, "rootCauses"), "complaints", "justified", "goodwillCny"))
                    .as("root causes " + month).isEqualTo(handCounts(
                            "SELECT c.category, COALESCE(r.root_cause, 'NOT_RECORDED'), COUNT(*),"
                                    + " SUM(CASE WHEN r.justified IN ('JUSTIFIED', 'PARTLY_JUSTIFIED') THEN 1 ELSE 0 END),"
                                    + " SUM(" + goodwill + ") " + closedComplaints
                                    + " GROUP BY c.category, COALESCE(r.root_cause, 'NOT_RECORDED')",
                            List.of(s.start(), end), "complaints", "justified", "goodwillCny"));

            assertThat(rows(section(report, "escalations"), "escalations")).as("escalations " + month)
                    .isEqualTo(handCounts("""
                            SELECT e.kind, e.escalation_level, c.assigned_group, COUNT(*)
                              FROM case_escalation e JOIN service_case c ON c.id = e.case_id
                             WHERE e.escalated_at >= ? AND e.escalated_at < ?""" + g
                            + " GROUP BY e.kind, e.escalation_level, c.assigned_group",
                            List.of(s.start(), end), "escalations"));

            assertThat(rows(section(report, "satisfaction"), "responses", "averageScore", "lowScores"))
                    .as("satisfaction " + month).isEqualTo(handCounts("""
                            SELECT v.channel, c.assigned_group, COUNT(*),
                                   ROUND(CAST(SUM(v.score) AS DECIMAL(10, 4)) / COUNT(*), 1),
                                   SUM(CASE WHEN v.score <= 2 THEN 1 ELSE 0 END)
                              FROM survey v JOIN service_case c ON c.id = v.case_id
                             WHERE v.status = 'ANSWERED' AND v.answered_at >= ? AND v.answered_at < ?""" + g
                            + " GROUP BY v.channel, c.assigned_group",
                            List.of(s.start(), end), "responses", "averageScore", "lowScores"));
        }
    }

    @Test
    void theFixtureFillsEverySectionSoTheComparisonMeansSomething() {
        var report = report("2013-02", null);
        for (var id : List.of("workload", "sla", "resolution", "rootCauses", "escalations", "satisfaction")) {
            assertThat(section(report, id).path("rows").size()).as(id).isGreaterThan(1);
        }
        int received = 0;
        for (var month : MONTHS) {
            for (var row : section(report(month, null), "workload").path("rows")) {
                received += row.path("figures").get(0).asInt();
            }
        }
        assertThat(received).isGreaterThanOrEqualTo(ServiceReportFixture.CASES);
    }

    @Test
    void everyCountLeadsToAsManyCasesAndTheBreachedClocksToTheCasesSqlFinds() {
        var month = "2013-02";
        var report = report(month, null);
        for (var id : List.of("workload", "sla", "escalations")) {
            var section = section(report, id);
            var figures = section.path("figures");
            for (var row : section.path("rows")) {
                for (int f = 0; f < figures.size(); f++) {
                    if (!figures.get(f).path("kind").asText().equals("COUNT")) continue;
                    var figure = figures.get(f).path("key").asText();
                    var drill = manager.get("/api/v1/reports/service/cases?month=" + month + "&section=" + id
                            + "&figure=" + figure + "&row=" + encode(row.path("key").asText()));
                    assertThat(drill.status()).as(drill.body()).isEqualTo(200);
                    // an escalation or a clock is one per row and case here, so cases = count
                    assertThat(drill.json().path("total").asInt()).as(id + " " + figure + " " + row.path("key"))
                            .isEqualTo(row.path("figures").get(f).asInt());
                }
            }
        }
        var s = scope(month);
        var expected = new TreeSet<>(jdbc.sql("""
                SELECT k.case_id FROM case_clock k JOIN service_case c ON c.id = k.case_id
                 WHERE k.clock_name = 'COMPLAINT_FIRST_CONTACT' AND k.state = 'BREACHED' AND c.assigned_group = 'billing'
                   AND k.state_changed_at >= ? AND k.state_changed_at < ?""").params(s.start(), s.end())
                .query(String.class).list());
        assertThat(expected).isNotEmpty();
        var drill = manager.get("/api/v1/reports/service/cases?month=" + month
                + "&section=sla&figure=breached&row=COMPLAINT_FIRST_CONTACT%7Cbilling").json();
        var found = new TreeSet<String>();
        drill.path("cases").forEach(c -> {
            found.add(c.path("caseId").asText());
            assertThat(c.path("group").asText()).isEqualTo("billing");
        });
        assertThat(found).isEqualTo(expected);
        // the wildcard: that clock in every group
        var all = manager.get("/api/v1/reports/service/cases?month=" + month
                + "&section=sla&figure=breached&row=COMPLAINT_FIRST_CONTACT%7C*").json();
        assertThat(all.path("total").asInt()).isGreaterThan(expected.size());
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void theWorkbookHoldsTheSameFiguresOneSheetPerSectionWithBilingualHeaders() throws Exception {
        var json = report("2013-03", null);
        try (var workbook = ReportJson.workbook(port, "2013-03")) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(json.path("sections").size());
            int i = 0;
            for (var section : json.path("sections")) {
                var sheet = workbook.getSheetAt(i++);
                assertThat(sheet.getSheetName()).isEqualTo(section.path("title").path("en").asText());
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                        .contains(section.path("title").path("zh").asText(), "2013-03");
                int dims = section.path("dimensions").size();
                var figures = section.path("figures");
                for (int f = 0; f < figures.size(); f++) {
                    assertThat(sheet.getRow(1).getCell(dims + f).getStringCellValue())
                            .isEqualTo(figures.get(f).path("en").asText());
                    assertThat(sheet.getRow(2).getCell(dims + f).getStringCellValue())
                            .isEqualTo(figures.get(f).path("zh").asText());
                }
                int r = 3;
                for (var row : section.path("rows")) {
                    var line = sheet.getRow(r++);
                    var keys = new ArrayList<String>();
                    for (int d = 0; d < dims; d++) keys.add(line.getCell(d).getStringCellValue());
                    assertThat(String.join("|", keys)).isEqualTo(row.path("key").asText());
                    for (int f = 0; f < figures.size(); f++) {
                        var cell = line.getCell(dims + f);
                        var v = row.path("figures").get(f);
                        if (v.isNull()) {
                            assertThat(cell == null || cell.getCellType() == CellType.BLANK).isTrue();
                        } else {
                            assertThat(BigDecimal.valueOf(cell.getNumericCellValue()))
                                    .isEqualByComparingTo(v.decimalValue());
                        }
                    }
                }
                assertThat(sheet.getLastRowNum()).isEqualTo(r - 1);
            }
        }
        var csv = manager.get("/api/v1/reports/service?month=2013-03&format=csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains("# sla,SLA compliance,时限达标", "decided,met,breached,compliance");
    }

    @Test
    void wrongParametersAreNamedAndTheReportIsForSupervisorsAndServiceManagers() {
        assertThat(manager.get("/api/v1/reports/service").body()).contains("month");
        assertThat(manager.get("/api/v1/reports/service?month=2013-13").status()).isEqualTo(400);
        assertThat(manager.get("/api/v1/reports/service?month=2999-01").body()).contains("month");
        assertThat(manager.get("/api/v1/reports/service?month=2013-01&format=pdf").body()).contains("format");
        assertThat(manager.get("/api/v1/reports/service?month=2013-01&group=nobody").body()).contains("group");
        assertThat(manager.get("/api/v1/reports/service?month=2013-01&category=bad;").body()).contains("category");
        var drill = manager.get("/api/v1/reports/service/cases?month=2013-01&section=nothing&figure=x");
        assertThat(drill.status()).isEqualTo(400);
        assertThat(drill.body()).contains("section");
        assertThat(manager.get("/api/v1/reports/service/cases?month=2013-01&section=sla&figure=x").body())
                .contains("figure");
        assertThat(manager.get("/api/v1/reports/service/cases?month=2013-01&section=sla&figure=met&row=a").body())
                .contains("row");
        assertThat(Api.at(port).as(Groups.SUPERVISORS).get("/api/v1/reports/service?month=2013-01").status())
                .isEqualTo(200);
        assertThat(Api.at(port).as(Groups.BILLING).get("/api/v1/reports/service?month=2013-01").status()).isEqualTo(403);
        assertThat(Api.at(port).as(Groups.CHANNEL_SYSTEMS).get("/api/v1/reports/service/cases?month=2013-01")
                .status()).isEqualTo(403);
    }
}
