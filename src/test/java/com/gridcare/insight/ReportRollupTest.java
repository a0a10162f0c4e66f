package com.gridcare.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.ReportJson;
import com.gridcare.testsupport.TestData;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A closed month's report from the night's roll-up is the report summed from the facts, figure for figure, with
 * every filter, over the seeded fixture ({@link ServiceReportFixture}); it stays as rolled up until the month is
 * rolled up again; a service manager rolls up a closed month, nobody the running one.
 */
@GridCareTest
class ReportRollupTest {

    static final List<String> FILTERS = List.of("", "&group=billing", "&group=key-accounts", "&category=METER",
            "&tier=RESIDENTIAL", "&tier=KEY", "&channel=WEB", "&channel=HOTLINE",
            "&group=customer-service&category=BILLING&channel=HOTLINE", "&group=billing&tier=RESIDENTIAL");

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportRollUp rollUp;
    @Autowired
    ReportRollups rollups;

    Api manager;

    @BeforeEach
    void seed() {
        manager = ServiceReportFixture.seedForManager(jdbc, testData, port);
    }

    @AfterEach
    void dropRollups() {
        for (var month : ServiceReportTest.MONTHS) rollups.drop(YearMonth.parse(month));
    }

    private JsonNode report(String month, String filters) {
        var answer = manager.get("/api/v1/reports/service?month=" + month + filters);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void everyFigureOfTheRollupIsTheFigureSummedFromTheFacts() throws Exception {
        var summed = new java.util.LinkedHashMap<String, JsonNode>();
        for (var month : ServiceReportTest.MONTHS) {
            for (var filter : FILTERS) summed.put(month + filter, report(month, filter));
        }
        for (var month : ServiceReportTest.MONTHS) {
            var result = manager.post("/api/v1/reports/service/rollup?month=" + month);
            assertThat(result.status()).as(result.body()).isEqualTo(200);
            assertThat(result.json().path("cells").asInt()).as("cells of " + month).isPositive();
        }
        int rows = 0;
        for (var entry : summed.entrySet()) {
            var month = entry.getKey().substring(0, 7);
            var rolledUp = report(month, entry.getKey().substring(7));
            assertThat(rolledUp.path("computedAt").asText()).as("figures of the roll-up")
                    .isEqualTo(rollups.read(YearMonth.parse(month)).orElseThrow().computedAt()
                            .atZoneSameInstant(com.gridcare.kernel.EngineClock.ZONE).toOffsetDateTime().toString());
            assertThat(rolledUp.path("sections")).as(entry.getKey()).isEqualTo(entry.getValue().path("sections"));
            for (var section : rolledUp.path("sections")) rows += section.path("rows").size();
        }
        assertThat(rows).as("rows compared").isGreaterThan(500);
        // and the workbook of a rolled-up month holds them
        var workbook = ReportJson.workbook(port, ServiceReportTest.MONTHS.get(1));
        assertThat(workbook.getNumberOfSheets()).isEqualTo(summed.values().iterator().next().path("sections").size());
    }

    @Test
    void aRolledUpMonthKeepsItsFiguresUntilItIsRolledUpAgain() {
        var month = ServiceReportTest.MONTHS.get(2);
        var before = report(month, "&group=billing");
        rollUp.rollUp(YearMonth.parse(month));
        var moved = jdbc.sql("""
                SELECT id FROM service_case WHERE id LIKE '___-201_-9%' AND assigned_group = 'billing'
                   AND received_at >= ? AND received_at < ? ORDER BY id FETCH FIRST 5 ROWS ONLY""")
                .params(ReportScope.of(YearMonth.parse(month), java.time.OffsetDateTime.now(), null, null).start(),
                        ReportScope.of(YearMonth.parse(month), java.time.OffsetDateTime.now(), null, null).end())
                .query(String.class).list();
        assertThat(moved).hasSize(5);
        try {
            jdbc.sql("UPDATE service_case SET assigned_group = 'metering' WHERE id IN (:ids)").param("ids", moved).update();
            assertThat(report(month, "&group=billing").path("sections")).as("as rolled up")
                    .isEqualTo(before.path("sections"));
            rollUp.rollUp(YearMonth.parse(month));
            var after = report(month, "&group=billing");
            assertThat(after.path("sections")).as("rolled up again").isNotEqualTo(before.path("sections"));
            rollups.drop(YearMonth.parse(month));
            assertThat(report(month, "&group=billing").path("sections")).as("summed from the facts")
                    .isEqualTo(after.path("sections"));
        } finally {
            jdbc.sql("UPDATE service_case SET assigned_group = 'billing' WHERE id IN (:ids)").param("ids", moved).update();
        }
    }

    @Test
    void onlyAServiceManagerRollsUpAndOnlyAClosedMonth() {
        var current = YearMonth.now(com.gridcare.kernel.EngineClock.ZONE).toString();
        var running = manager.post("/api/v1/reports/service/rollup?month=" + current);
        assertThat(running.status()).isEqualTo(400);
        assertThat(running.body()).contains("month");
        var missing = manager.post("/api/v1/reports/service/rollup");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("month");
        assertThat(manager.post("/api/v1/reports/service/rollup?month=2013-13").status()).isEqualTo(400);
        for (var group : List.of(Groups.SUPERVISORS, Groups.CUSTOMER_SERVICE)) {
            assertThat(Api.at(port).as(group).post("/api/v1/reports/service/rollup?month=2013-01").status())
                    .as(group).isEqualTo(403);
        }
        assertThat(rollups.read(YearMonth.parse("2013-01"))).isEmpty();
    }
}
