package com.gridcare.cases;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code gridcare_cases_open} by kind, stage and group (the group a case is routed to, {@code none} before
 * routing), counted every {@code gridcare.metrics.refresh} (15 s); a combination no longer open drops out.
 */
@Component
class OpenCaseMetrics {

    private final JdbcClient jdbc;
    private final MultiGauge open;

    OpenCaseMetrics(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.open = MultiGauge.builder("gridcare.cases.open").description("open cases by kind, stage and group")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${gridcare.metrics.refresh}", initialDelay = 0)
    void refresh() {
        var rows = jdbc.sql("""
                SELECT kind, stage, assigned_group, COUNT(*) FROM service_case WHERE status = 'OPEN'
                 GROUP BY kind, stage, assigned_group""")
                .query((rs, n) -> MultiGauge.Row.of(Tags.of("kind", rs.getString(1), "stage", rs.getString(2),
                        "group", rs.getString(3) == null ? "none" : rs.getString(3)), rs.getLong(4)))
                .list();
        open.register(rows, true);
    }
}
