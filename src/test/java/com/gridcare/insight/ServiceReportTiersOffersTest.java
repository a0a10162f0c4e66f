package com.gridcare.insight;

import static com.gridcare.testsupport.ReportJson.section;
import static com.gridcare.testsupport.ReportJson.rows;
import static com.gridcare.testsupport.ReportJson.n;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridcare.clock.Calendars;
import com.gridcare.customer.NightRetiering;
import com.gridcare.kernel.EngineClock;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.ReportJson;
import com.gridcare.testsupport.TestData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tier, offer and time-to-resolve views of the monthly service report and its tier and channel filters over
 * the seeded fixture ({@link ServiceReportFixture}) against counts made by hand in SQL (working days with the
 * working calendar), for every month; the drill-down to the customers and cases behind them; the workbook of a
 * filtered report holds the same figures.
 */
@GridCareTest
class ServiceReportTiersOffersTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Calendars calendars;
    @Autowired
    NightRetiering night;
    @Autowired
    Clock clock;

    Api manager;

    @BeforeEach
    void seed() {
        manager = ServiceReportFixture.seedForManager(jdbc, testData, port);
    }

    private JsonNode report(String month, String filters) {
        var answer = manager.get("/api/v1/reports/service?month=" + month + filters);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private Map<String, String> handCounts(String sql, List<Object> params, String... figures) {
        return ReportJson.handCounts(jdbc, sql, params, figures);
    }

    private static OffsetDateTime start(String month) {
        return YearMonth.parse(month).atDay(1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime();
    }

    private static OffsetDateTime end(String month) {
        return start(month).plusMonths(1);
    }

    private static final String RANK = "CASE %s WHEN 'RESIDENTIAL' THEN 0 WHEN 'BUSINESS' THEN 1 WHEN 'KEY' THEN 2"
            + " WHEN 'STRATEGIC' THEN 3 ELSE -1 END";

    private Map<String, String> tiersByHand(String month) {
        var t = end(month);
        return handCounts("SELECT tier, SUM(customers), SUM(moved_in), SUM(moved_out) FROM ("
                + " SELECT tier_at AS tier, 1 AS customers, 0 AS moved_in, 0 AS moved_out FROM ("
                + "  SELECT " + tierAt("c") + " AS tier_at FROM customer c) a WHERE tier_at IS NOT NULL"
                + " UNION ALL SELECT to_tier, 0, 1, 0 FROM customer_tier_change WHERE changed_at >= ? AND changed_at < ?"
                + "   AND from_tier IS NOT NULL AND from_tier <> to_tier"
                + " UNION ALL SELECT from_tier, 0, 0, 1 FROM customer_tier_change WHERE changed_at >= ? AND changed_at < ?"
                + "   AND from_tier IS NOT NULL AND from_tier <> to_tier) x GROUP BY tier",
                List.of(t, t, t, start(month), t, start(month), t), "customers", "movedIn", "movedOut");
    }

    /** A customer's tier at a moment (three parameters, the moment): before its first change since, else its tier. */
    private static String tierAt(String c) {
        var firstAfter = "FROM customer_tier_change h WHERE h.customer_id = " + c + ".id AND h.changed_at >= ?";
        return "CASE WHEN EXISTS (SELECT 1 " + firstAfter + ")"
                + " THEN (SELECT h.from_tier " + firstAfter + " ORDER BY h.changed_at, h.id FETCH FIRST 1 ROWS ONLY)"
                + " WHEN " + c + ".created_at < ? THEN " + c + ".tier END";
    }

    private Map<String, String> movesByHand(String month) {
        return handCounts("SELECT from_tier, to_tier, COUNT(*),"
                + " SUM(CASE WHEN " + RANK.formatted("to_tier") + " > " + RANK.formatted("from_tier") + " THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN " + RANK.formatted("to_tier") + " > " + RANK.formatted("from_tier") + " THEN 0 ELSE 1 END)"
                + " FROM customer_tier_change WHERE changed_at >= ? AND changed_at < ?"
                + " AND from_tier IS NOT NULL AND from_tier <> to_tier GROUP BY from_tier, to_tier",
                List.of(start(month), end(month)), "moves", "upgrades", "downgrades");
    }

    private Map<String, String> offersByHand(String month) {
        var s = start(month);
        var t = end(month);
        var held = "g.granted_at < ? AND (g.ended_at IS NULL OR g.ended_at > ?)";
        return handCounts("SELECT offer, tier, SUM(granted), SUM(holders), ROUND(SUM(discount), 2), SUM(credits),"
                + " SUM(points) FROM ("
                + " SELECT g.offer_code AS offer, COALESCE(g.tier, '-') AS tier,"
                + "  CASE WHEN g.granted_at >= ? AND g.granted_at < ? THEN 1 ELSE 0 END AS granted,"
                + "  CASE WHEN " + held + " THEN 1 ELSE 0 END AS holders,"
                + "  CASE WHEN " + held + " AND g.percent > 0 THEN COALESCE(g.percent * b.billed_amount / 100, 0) ELSE 0 END"
                + "   AS discount, 0 AS credits, 0 AS points"
                + "  FROM offer_grant g LEFT JOIN customer_consumption b ON b.customer_id = g.customer_id AND b.billing_month = ?"
                + "  WHERE (g.granted_at >= ? AND g.granted_at < ?) OR (" + held + ")"
                + " UNION ALL SELECT p.offer_code, COALESCE(" + tierAt("c") + ", '-'), 0, 0, 0, 1, p.points"
                + "  FROM points_ledger p JOIN customer c ON c.id = p.customer_id"
                + "  WHERE p.recorded_at >= ? AND p.recorded_at < ? AND p.points > 0) x GROUP BY offer, tier",
                List.of(s, t, t, t, t, t, YearMonth.parse(month).atDay(1), s, t, t, t, t, t, t, s, t),
                "granted", "holders", "discountCny", "credits", "points");
    }

    /** Closed cases of the month by hand: count and the averages of working and calendar days, per group|category. */
    private Map<String, String> resolutionTimeByHand(String month, String caseFilter) {
        var calendar = calendars.get(Calendars.CHINA_WORKDAYS);
        var days = new TreeMap<String, List<double[]>>();
        jdbc.sql("SELECT c.assigned_group, c.category, c.received_at, c.closed_at FROM service_case c"
                        + " WHERE c.status = 'CLOSED' AND c.closed_at >= ? AND c.closed_at < ?" + caseFilter)
                .params(start(month), end(month))
                .query((rs, x) -> {
                    var from = rs.getObject(3, OffsetDateTime.class);
                    var to = rs.getObject(4, OffsetDateTime.class);
                    return days.computeIfAbsent(rs.getString(1) + "|" + rs.getString(2), k -> new ArrayList<>())
                            .add(new double[] {calendar.between(from.toInstant(), to.toInstant()).toMillis()
                                    / (double) calendar.workingDay().toMillis(), Duration.between(from, to).toMinutes() / 1440.0});
                }).list();
        var out = new TreeMap<String, String>();
        days.forEach((k, v) -> out.put(k, "closed=" + v.size()
                + ",workingDays=" + avg(v.stream().mapToDouble(d -> d[0]).average().orElseThrow())
                + ",calendarDays=" + avg(v.stream().mapToDouble(d -> d[1]).average().orElseThrow())));
        return out;
    }

    private static String avg(double v) {
        return BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    @Test
    void tiersOffersAndWorkingDaysEqualTheCountsMadeByHand() {
        for (var month : ServiceReportTest.MONTHS) {
            var report = report(month, "");
            assertThat(rows(section(report, "tiers"), "customers", "movedIn", "movedOut")).as("tiers " + month)
                    .isEqualTo(tiersByHand(month));
            assertThat(rows(section(report, "tierMoves"), "moves", "upgrades", "downgrades")).as("moves " + month)
                    .isEqualTo(movesByHand(month));
            assertThat(rows(section(report, "offers"), "granted", "holders", "discountCny", "credits", "points"))
                    .as("offers " + month).isEqualTo(offersByHand(month));
            assertThat(rows(section(report, "resolutionTime"), "closed", "workingDays", "calendarDays"))
                    .as("time to resolve " + month).isEqualTo(resolutionTimeByHand(month, ""));
        }
    }

    @Test
    void theFixtureFillsTheNewViews() {
        var report = report("2013-02", "");
        for (var id : List.of("tiers", "tierMoves", "offers", "resolutionTime")) {
            assertThat(section(report, id).path("rows").size()).as(id).isGreaterThan(2);
        }
        var offers = rows(section(report, "offers"), "discountCny").values();
        assertThat(offers).as("some discount cost").anyMatch(v -> !v.equals("discountCny=0"));
        // working days are not calendar days: the calendar leaves out nights, weekends and holidays
        var time = section(report, "resolutionTime");
        for (var row : time.path("rows")) {
            assertThat(row.path("figures").get(1).decimalValue()).isLessThan(row.path("figures").get(2).decimalValue());
        }
    }

    @Test
    void theTierAndChannelFiltersKeepTheirCasesAndCustomers() {
        for (var month : List.of("2013-01", "2013-03")) {
            var all = report(month, "");
            var key = report(month, "&tier=KEY");
            assertThat(key.path("tier").asText()).isEqualTo("KEY");
            // customer views: the rows of that tier (a move from or to it)
            assertThat(rows(section(key, "tiers"), "customers", "movedIn", "movedOut")).isEqualTo(
                    filter(rows(section(all, "tiers"), "customers", "movedIn", "movedOut"), 0, "KEY"));
            var moves = rows(section(all, "tierMoves"), "moves");
            moves.keySet().removeIf(k -> !k.startsWith("KEY|") && !k.endsWith("|KEY"));
            assertThat(rows(section(key, "tierMoves"), "moves")).isNotEmpty().isEqualTo(moves);
            assertThat(rows(section(key, "offers"), "granted", "holders", "credits")).isEqualTo(
                    filter(rows(section(all, "offers"), "granted", "holders", "credits"), 1, "KEY"));
            // case views: the cases of customers of that tier, and of that channel
            var sla = """
                    SELECT k.clock_name, c.assigned_group, COUNT(*), SUM(CASE WHEN k.state = 'BREACHED' THEN 1 ELSE 0 END)
                      FROM case_clock k JOIN service_case c ON c.id = k.case_id
                     WHERE k.state IN ('MET', 'BREACHED') AND k.state_changed_at >= ? AND k.state_changed_at < ?""";
            assertThat(rows(section(key, "sla"), "decided", "breached")).isNotEmpty().isEqualTo(handCounts(
                    sla + " AND c.tier = 'KEY' GROUP BY k.clock_name, c.assigned_group",
                    List.of(start(month), end(month)), "decided", "breached"));
            var web = report(month, "&channel=WEB&tier=KEY");
            assertThat(rows(section(web, "sla"), "decided", "breached")).isNotEmpty().isEqualTo(handCounts(
                    sla + " AND c.tier = 'KEY' AND c.channel = 'WEB' GROUP BY k.clock_name, c.assigned_group",
                    List.of(start(month), end(month)), "decided", "breached"));
            assertThat(rows(section(web, "resolutionTime"), "closed", "workingDays", "calendarDays"))
                    .isEqualTo(resolutionTimeByHand(month, " AND c.tier = 'KEY' AND c.channel = 'WEB'"));
            assertThat(rows(section(web, "satisfaction"), "responses")).isEqualTo(handCounts("""
                    SELECT v.channel, c.assigned_group, COUNT(*) FROM survey v JOIN service_case c ON c.id = v.case_id
                     WHERE v.status = 'ANSWERED' AND v.answered_at >= ? AND v.answered_at < ?
                       AND c.tier = 'KEY' AND c.channel = 'WEB' GROUP BY v.channel, c.assigned_group""",
                    List.of(start(month), end(month)), "responses"));
            // a channel is a case's: the customer views have no channel, and are empty
            assertThat(section(web, "tiers").path("rows")).isEmpty();
            assertThat(section(web, "offers").path("rows")).isEmpty();
        }
        assertThat(manager.get("/api/v1/reports/service?month=2013-01&tier=GOLD").body()).contains("tier");
        assertThat(manager.get("/api/v1/reports/service?month=2013-01&channel=PIGEON").status()).isEqualTo(400);
        assertThat(manager.get("/api/v1/reports/service/cases?month=2013-01&channel=PIGEON&section=sla&figure=met").body())
                .contains("channel");
    }

    private static Map<String, String> filter(Map<String, String> rows, int part, String value) {
        var out = new TreeMap<String, String>();
        rows.forEach((k, v) -> {
            if (k.split("\\|", -1)[part].equals(value)) out.put(k, v);
        });
        return out;
    }

    @Test
    void aNightsReTieringLeavesTheTierFiguresOfClosedMonthsAsTheyWere() {
        var before = new HashMap<String, JsonNode>();
        for (var month : ServiceReportTest.MONTHS) before.put(month, section(report(month, ""), "tiers"));
        var today = LocalDate.now(clock);
        jdbc.sql("DELETE FROM customer_retiering_run WHERE night = ?").param(today).update();

        night.run(today).orElseThrow();

        // the fixture's customers have no bills in the last 12 months: the night (this one or an earlier one) moved them
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_tier_change WHERE customer_id LIKE 'RPT18-%' AND changed_at >= ?")
                .param(end("2013-04")).query(Long.class).single()).isPositive();
        for (var month : ServiceReportTest.MONTHS) {
            assertThat(section(report(month, ""), "tiers")).as(month).isEqualTo(before.get(month));
        }
    }

    @Test
    void theCustomersAndCasesBehindTheNewFigures() {
        var month = "2013-02";
        var report = report(month, "");
        for (var row : section(report, "tiers").path("rows")) {
            var drill = drill(month, "", "tiers", "customers", row.path("key").asText());
            assertThat(drill.path("total").asInt()).isEqualTo(row.path("figures").get(0).asInt());
            assertThat(drill.path("cases")).isEmpty();
            var tiers = new TreeSet<String>();
            drill.path("customers").forEach(c -> tiers.add(c.path("customerId").asText()));
            assertThat(tiers).hasSize(drill.path("total").asInt());
        }
        var t = end(month);
        // STRATEGIC at the month's end: the tier before the first change after it, or the stored tier without one
        // (a later evaluation, e.g. the night's re-tiering, may have changed every fixture customer since)
        var keyNow = new TreeSet<>(jdbc.sql("""
                SELECT c.id FROM customer c WHERE c.id LIKE 'RPT18-%' AND c.created_at < ?
                   AND CASE WHEN EXISTS (SELECT 1 FROM customer_tier_change h WHERE h.customer_id = c.id AND h.changed_at >= ?)
                            THEN (SELECT h.from_tier FROM customer_tier_change h WHERE h.customer_id = c.id
                                     AND h.changed_at >= ? ORDER BY h.changed_at, h.id FETCH FIRST 1 ROWS ONLY)
                            ELSE c.tier END = 'STRATEGIC'""").params(t, t, t).query(String.class).list());
        assertThat(keyNow).isNotEmpty();
        var strategic = new TreeSet<String>();
        drill(month, "", "tiers", "customers", "STRATEGIC").path("customers")
                .forEach(c -> strategic.add(c.path("customerId").asText()));
        assertThat(strategic).containsAll(keyNow);

        for (var row : section(report, "offers").path("rows")) {
            int holders = row.path("figures").get(1).asInt();
            var drill = drill(month, "", "offers", "holders", row.path("key").asText());
            assertThat(drill.path("total").asInt()).as(row.path("key").asText()).isBetween(holders > 0 ? 1 : 0, holders);
        }
        for (var row : section(report, "resolutionTime").path("rows")) {
            var drill = drill(month, "", "resolutionTime", "closed", row.path("key").asText());
            assertThat(drill.path("total").asInt()).isEqualTo(row.path("figures").get(0).asInt());
            drill.path("cases").forEach(c -> assertThat(c.path("status").asText()).isEqualTo("CLOSED"));
        }
        var web = drill(month, "&channel=WEB", "resolutionTime", "closed", "*|*");
        assertThat(web.path("total").asInt()).isPositive();
        web.path("cases").forEach(c -> assertThat(c.path("channel").asText()).isEqualTo("WEB"));
    }

    private JsonNode drill(String month, String filters, String section, String figure, String row) {
        var answer = manager.get("/api/v1/reports/service/cases?month=" + month + filters + "&section=" + section
                + "&figure=" + figure + "&row=" + URLEncoder.encode(row, StandardCharsets.UTF_8));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void theWorkbookOfAFilteredReportHoldsTheNewViewsWithTheSameFigures() throws Exception {
        var json = report("2013-03", "&tier=KEY");
        try (var workbook = ReportJson.workbook(port, "2013-03", "&tier=KEY")) {
            for (var id : List.of("tiers", "tierMoves", "offers", "resolutionTime")) {
                var section = section(json, id);
                var sheet = workbook.getSheet(section.path("title").path("en").asText());
                assertThat(sheet).as(id).isNotNull();
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains(
                        section.path("title").path("zh").asText(), "2013-03", "KEY");
                int dims = section.path("dimensions").size();
                var figures = section.path("figures");
                for (int f = 0; f < figures.size(); f++) {
                    assertThat(sheet.getRow(2).getCell(dims + f).getStringCellValue())
                            .isEqualTo(figures.get(f).path("zh").asText());
                }
                int r = 3;
                for (var row : section.path("rows")) {
                    var line = sheet.getRow(r++);
                    for (int f = 0; f < figures.size(); f++) {
                        var v = row.path("figures").get(f);
                        if (!v.isNull()) {
                            assertThat(BigDecimal.valueOf(line.getCell(dims + f).getNumericCellValue()))
                                    .as(id + " " + row.path("key")).isEqualByComparingTo(v.decimalValue());
                        }
                    }
                }
                assertThat(r).as(id + " has rows").isGreaterThan(3);
            }
        }
    }

    @Autowired
    com.gridcare.customer.CustomerRepository customers;
    @Autowired
    com.gridcare.customer.CustomerEvaluator evaluator;
    @Autowired
    com.gridcare.offers.OfferEligibility offerEligibility;
    @Autowired
    com.gridcare.offers.OfferGrants offerGrants;

    /** The history the views read is written as it happens: an evaluation's tier change, an offer decision's grants. */
    @Test
    void evaluationsKeepTheTierHistoryAndOfferDecisionsTheGrants() {
        var id = testData.residential();
        // a customer not rated yet, without history (creating it rated it once)
        jdbc.sql("UPDATE customer SET tier = NULL WHERE id = ?").param(id).update();
        jdbc.sql("DELETE FROM customer_tier_change WHERE customer_id = ?").param(id).update();
        var subject = com.gridcare.rules.runtime.DecisionService.Subject.customer(id);
        var tier = evaluator.evaluate(customers.find(id).orElseThrow(), subject).evaluation().getTier().name();
        jdbc.sql("UPDATE customer SET tier = 'STRATEGIC' WHERE id = ?").param(id).update();
        evaluator.evaluate(customers.find(id).orElseThrow(), subject);
        evaluator.evaluate(customers.find(id).orElseThrow(), subject);
        assertThat(jdbc.sql("SELECT COALESCE(from_tier, '-') || '>' || to_tier FROM customer_tier_change WHERE customer_id = ? ORDER BY id")
                .param(id).query(String.class).list())
                .as("a first rating, then a move from the tier set by hand; the same tier again is no change")
                .containsExactly("->" + tier, "STRATEGIC>" + tier);

        var customer = customers.find(id).orElseThrow();
        var decision = offerEligibility.eligibleOffers(customer, java.util.Set.of(), subject);
        assertThat(offerGrants.held(id).keySet()).isEqualTo(new TreeSet<>(decision.output().granted()));
        offerEligibility.eligibleOffers(customer, java.util.Set.of(), subject);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM offer_grant WHERE customer_id = ?").param(id).query(Integer.class).single())
                .as("the same offers decided again are the same grants").isEqualTo(decision.output().granted().size());
        // an offer no longer granted ends: a grant held of an offer the rules do not make
        jdbc.sql("""
                INSERT INTO offer_grant (customer_id, offer_code, tier, percent, points, granted_at)
                VALUES (?, 'WITHDRAWN_OFFER', ?, 2, 0, ?)""").params(id, tier, OffsetDateTime.now().minusDays(3)).update();
        offerEligibility.eligibleOffers(customer, java.util.Set.of(), subject);
        assertThat(offerGrants.held(id)).doesNotContainKey("WITHDRAWN_OFFER");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM offer_grant WHERE customer_id = ? AND offer_code = 'WITHDRAWN_OFFER' AND ended_at IS NOT NULL")
                .param(id).query(Integer.class).single()).isEqualTo(1);
    }
}
