package com.gridcare.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.notification.NotificationOutbox;
import java.nio.file.Files;
import java.nio.file.Path;
import com.gridcare.testsupport.GridCareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Monthly usage reports for {@code gridcare.bench.customers} (1,000,000) customers on PostgreSQL (run by
 * {@code bench/usage-reports.sh}, skipped otherwise): seeds them once with {@code bench/usage-reports-seed.sql}
 * (kept between runs), removes an earlier run's reports and messages of the month, then times one run: computed
 * and queued. Fails when not every customer's message was queued, or when the run took longer than 10 minutes.
 */
@GridCareTest
@EnabledIfSystemProperty(named = "gridcare.bench", matches = "true")
class UsageReportsBenchmark {

    static final String MONTH = "2026-11";

    @Autowired
    UsageReports reports;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void monthlyReportsForAMillionCustomersInTenMinutes() throws Exception {
        int customers = Integer.getInteger("gridcare.bench.customers", 1_000_000);
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).as("a PostgreSQL benchmark").contains("PostgreSQL");
        Integer seeded = jdbc.queryForObject("SELECT COUNT(*) FROM customer WHERE id LIKE 'UB-%'", Integer.class);
        long seedMillis = 0;
        if (seeded == null || seeded != customers) {
            long t0 = System.nanoTime();
            jdbc.execute("DELETE FROM notification_outbox WHERE customer_id LIKE 'UB-%'");
            jdbc.execute("DELETE FROM usage_report WHERE customer_id LIKE 'UB-%'");
            jdbc.execute("DELETE FROM customer_consumption WHERE customer_id LIKE 'UB-%'");
            jdbc.execute("DELETE FROM customer_consent WHERE customer_id LIKE 'UB-%'");
            jdbc.execute("DELETE FROM customer WHERE id LIKE 'UB-%'");
            var sql = Files.readString(Path.of("bench/usage-reports-seed.sql"))
                    .replace("${CUSTOMERS}", String.valueOf(customers)).replace("${MONTH}", MONTH);
            try (var connection = jdbc.getDataSource().getConnection(); var statement = connection.createStatement()) {
                statement.setQueryTimeout(0);
                for (var part : sql.replaceAll("(?m)^--.*$", "").split(";\\s*\\n")) {
                    if (!part.isBlank()) statement.execute(part);
                }
            }
            seedMillis = (System.nanoTime() - t0) / 1_000_000;
        }
        // a fresh run of the month: the reports, medians, run and messages of an earlier one go
        jdbc.execute("DELETE FROM notification_outbox WHERE topic = 'USAGE:" + MONTH + "'");
        jdbc.execute("DELETE FROM usage_report WHERE period = '" + MONTH + "'");
        jdbc.execute("DELETE FROM usage_median WHERE period = '" + MONTH + "'");
        jdbc.execute("DELETE FROM usage_run WHERE period = '" + MONTH + "'");
        jdbc.execute("VACUUM ANALYZE notification_outbox");

        long t0 = System.nanoTime();
        var run = reports.run(UsagePeriod.parse(MONTH), "bench");
        long millis = (System.nanoTime() - t0) / 1_000_000;
        int queued = outbox.countForTopic("USAGE:" + MONTH);

        System.out.printf("bench usage reports%n  customers %,d (seeded in %,d ms; 0 = kept from an earlier run)%n"
                + "  month %s: %,d reports computed, %,d messages queued in %,d ms (%.1f min; target 10 min)%n"
                + "  reports by status %s%n%n", customers, seedMillis, MONTH, run.computedNow(), run.queuedNow(), millis,
                millis / 60000.0, run.reports());
        assertThat(queued).as("messages queued").isPositive().isEqualTo(customers);
        assertThat(run.queuedNow()).isEqualTo(customers);
        assertThat(millis).as("run time (ms)").isLessThanOrEqualTo(600_000);
    }
}
