package com.gridcare.db;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The engine's backlog, read every {@code gridcare.metrics.refresh} (15 s): {@code gridcare_jobs_due}, jobs
 * due and not acquired by any job executor (with retries left, not suspended);
 * {@code gridcare_jobs_oldest_due_age_seconds}, how long the oldest of them has been due; and
 * {@code gridcare_incidents_open}. Read on a schedule rather than at every scrape so that several scrapers
 * cost the database nothing more.
 */
@Component
class EngineMetrics {

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final AtomicLong due = new AtomicLong();
    private final AtomicLong oldestDueSeconds = new AtomicLong();
    private final AtomicLong incidents = new AtomicLong();

    EngineMetrics(JdbcClient jdbc, RuntimeService runtime, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.runtime = runtime;
        Gauge.builder("gridcare.jobs.due", due, AtomicLong::get)
                .description("engine jobs due and not acquired by a job executor").register(registry);
        Gauge.builder("gridcare.jobs.oldest.due.age", oldestDueSeconds, AtomicLong::get).baseUnit("seconds")
                .description("how long the oldest job due and not acquired has been due").register(registry);
        Gauge.builder("gridcare.incidents.open", incidents, AtomicLong::get)
                .description("open engine incidents (jobs out of retries, failed external tasks)").register(registry);
    }

    @Scheduled(fixedDelayString = "${gridcare.metrics.refresh}", initialDelay = 0)
    void refresh() {
        var now = ClockUtil.getCurrentTime();
        jdbc.sql("""
                SELECT COUNT(*), MIN(DUEDATE_) FROM ACT_RU_JOB
                 WHERE RETRIES_ > 0 AND LOCK_OWNER_ IS NULL AND SUSPENSION_STATE_ = 1
                   AND (DUEDATE_ IS NULL OR DUEDATE_ <= ?)""")
                .param(new Timestamp(now.getTime()))
                .query((rs, n) -> {
                    due.set(rs.getLong(1));
                    var oldest = rs.getTimestamp(2);
                    oldestDueSeconds.set(oldest == null ? 0 : Math.max(0, (now.getTime() - oldest.getTime()) / 1000));
                    return null;
                })
                .list();
        incidents.set(runtime.createIncidentQuery().count());
    }
}
