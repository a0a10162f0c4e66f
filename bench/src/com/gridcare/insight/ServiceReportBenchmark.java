package com.gridcare.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.kernel.EngineClock;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Figures for the monthly service report and the dashboard over {@code gridcare.bench.cases} (1,000,000) cases on
 * PostgreSQL (run by {@code bench/insight.sh}, skipped otherwise): seeds them once with {@code bench/insight-seed.sql}
 * (kept between runs), then times the calls the dashboard makes over HTTP, as a service manager, and prints p50,
 * p95 and max of each.
 */
@GridCareTest
@EnabledIfSystemProperty(named = "gridcare.bench", matches = "true")
class ServiceReportBenchmark {

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReportRollUp rollUp;
    @Autowired
    ReportRollups rollups;

    @Test
    void measureTheReportAndTheDrillDown() throws Exception {
        int cases = Integer.getInteger("gridcare.bench.cases", 1_000_000);
        int samples = Integer.getInteger("gridcare.bench.samples", 40);
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).as("a PostgreSQL benchmark").contains("PostgreSQL");
        testData.users();
        Integer seeded = jdbc.queryForObject("SELECT COUNT(*) FROM service_case WHERE id LIKE 'B%'", Integer.class);
        long seedMillis = 0;
        if (seeded == null || seeded < cases) {
            long t0 = System.nanoTime();
            jdbc.execute("DELETE FROM survey WHERE id LIKE 'SB%'");
            jdbc.execute("DELETE FROM case_escalation WHERE case_id LIKE 'B%'");
            jdbc.execute("DELETE FROM case_step WHERE case_id LIKE 'B%'");
            jdbc.execute("DELETE FROM case_clock WHERE case_id LIKE 'B%'");
            jdbc.execute("DELETE FROM service_case WHERE id LIKE 'B%'");
            jdbc.execute("DELETE FROM customer WHERE id LIKE 'BENCH-%'");
            var sql = Files.readString(Path.of("bench/insight-seed.sql")).replace("${CASES}", String.valueOf(cases));
            // one connection (the seed's temporary table lives in it), without the application's query timeout
            try (var connection = jdbc.getDataSource().getConnection(); var statement = connection.createStatement()) {
                statement.setQueryTimeout(0);
                for (var part : sql.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
                    if (!part.isBlank()) statement.execute(part);
                }
            }
            seedMillis = (System.nanoTime() - t0) / 1_000_000;
        }
        var counts = new LinkedHashMap<String, Integer>();
        for (var table : List.of("service_case", "case_clock", "case_step", "case_escalation", "survey")) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class));
        }

        var now = YearMonth.from(OffsetDateTime.now().atZoneSameInstant(EngineClock.ZONE));
        var last = now.minusMonths(1);
        var older = now.minusMonths(18);
        var api = Api.at(port).as(Groups.SERVICE_MANAGERS);
        var calls = new LinkedHashMap<String, String>();
        calls.put("dashboard, last month (" + last + ")", "/api/v1/reports/service?month=" + last);
        calls.put("dashboard, last month, group billing", "/api/v1/reports/service?month=" + last + "&group=billing");
        calls.put("dashboard, current month (" + now + ")", "/api/v1/reports/service?month=" + now);
        calls.put("dashboard, current month, tier KEY, channel WEB",
                "/api/v1/reports/service?month=" + now + "&tier=KEY&channel=WEB");
        calls.put("report xlsx, last month", "/api/v1/reports/service?month=" + last + "&format=xlsx");
        calls.put("report csv, last month", "/api/v1/reports/service?month=" + last + "&format=csv");
        calls.put("drill-down: breached first contacts, last month",
                "/api/v1/reports/service/cases?month=" + last + "&section=sla&figure=breached&row=COMPLAINT_FIRST_CONTACT%7C*");
        calls.put("dashboard, " + older + " (18 months back)", "/api/v1/reports/service?month=" + older);

        var out = new StringBuilder("bench service report\n");
        out.append("  cases ").append(counts).append(seedMillis > 0 ? ", seeded in " + seedMillis / 1000 + " s" : ", seeded before")
                .append("\n  ").append(samples).append(" calls each, one at a time, over HTTP, after a first call of each")
                .append(" and 5 warm-up rounds over all of them (a server that has answered them before)\n");
        // the closed months summed from the facts, as before the night's roll-up (and as the running month always is)
        for (var month : List.of(last, older)) rollups.drop(month);
        var live = new LinkedHashMap<String, String>();
        live.put("summed from the facts: last month", calls.get("dashboard, last month (" + last + ")"));
        live.put("summed from the facts: last month, group billing", calls.get("dashboard, last month, group billing"));
        live.put("summed from the facts: 18 months back", calls.get("dashboard, " + older + " (18 months back)"));
        for (int round = 0; round < 3; round++) {
            for (var path : live.values()) assertThat(api.get(path).status()).isEqualTo(200);
        }
        for (var call : live.entrySet()) out.append(timed(api, call.getKey(), call.getValue(), samples, null));
        long rollUpStarted = System.nanoTime();
        rollUp.rollUpClosedMonths();
        var rolledUp = rollups.months();
        assertThat(rolledUp).as("the night's roll-up").containsKeys(last, older);
        out.append("  the night's roll-up of %d closed months: %.1f s, %,d cells for last month%n".formatted(rolledUp.size(),
                (System.nanoTime() - rollUpStarted) / 1e9, jdbc.queryForObject(
                        "SELECT cells FROM service_report_month WHERE report_month = ?", Integer.class, last.toString())));
        // the first call of each, before the database's caches and the JIT are warm for it
        var firstMillis = new LinkedHashMap<String, Double>();
        for (var call : calls.entrySet()) {
            long first = System.nanoTime();
            assertThat(api.get(call.getValue()).status()).isEqualTo(200);
            firstMillis.put(call.getKey(), (System.nanoTime() - first) / 1e6);
        }
        for (int round = 0; round < 5; round++) {
            for (var path : calls.values()) assertThat(api.get(path).status()).isEqualTo(200);
        }
        for (var call : calls.entrySet()) {
            out.append(timed(api, call.getKey(), call.getValue(), samples, firstMillis.get(call.getKey())));
        }
        System.out.println(out);
    }

    private static String timed(Api api, String name, String path, int samples, Double firstMillis) {
        var millis = new ArrayList<Double>();
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            var answer = api.get(path);
            millis.add((System.nanoTime() - t0) / 1e6);
            assertThat(answer.status()).isEqualTo(200);
        }
        millis.sort(Double::compare);
        return "  %-52s p50 %6.0f ms  p95 %6.0f ms  max %6.0f ms%s%n".formatted(name, millis.get(millis.size() / 2),
                millis.get((int) Math.ceil(millis.size() * 0.95) - 1), millis.get(millis.size() - 1),
                firstMillis == null ? "" : "  (first call %6.0f ms)".formatted(firstMillis));
    }
}
