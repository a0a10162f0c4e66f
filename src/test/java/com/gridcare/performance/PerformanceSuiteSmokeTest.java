package com.gridcare.performance;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.testsupport.GridCareTest;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * bench/performance.sh's workloads with tiny sizes, so the build proves the suite still runs against
 * the shipped models and API. Not a benchmark: nothing here is timed against a target.
 */
@GridCareTest
class PerformanceSuiteSmokeTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;

    boolean startedJobExecutor;

    @AfterEach
    void tearDown() {
        var jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        if (startedJobExecutor) jobExecutor.shutdown();
        jdbc.sql("DELETE FROM customer_consumption WHERE customer_id LIKE '" + Workloads.NIGHT + "%'").update();
        jdbc.sql("DELETE FROM customer_tier_change WHERE customer_id LIKE '" + Workloads.NIGHT + "%'").update();
        jdbc.sql("DELETE FROM customer WHERE id LIKE '" + Workloads.NIGHT + "%'").update();
    }

    @Test
    void shouldRunEveryWorkloadWithTinySizes() {
        ClockUtil.reset();
        var figures = new Figures("smoke");
        var bench = new Bench("smoke", context, port, figures);
        bench.user();
        var sizes = Sizes.smoke();
        bench.customers(sizes.customers());
        var workloads = new Workloads(bench, sizes);

        // two rounds each: the second, the last, is profiled and takes the later rounds' paths (shorter warm-up, top-up)
        PerformanceSuite.run(workloads, "intake", 1);
        PerformanceSuite.run(workloads, "intake", 2);
        PerformanceSuite.run(workloads, "completion", 1);
        PerformanceSuite.run(workloads, "completion", 2);
        var jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
        if (!jobExecutor.isActive()) {
            jobExecutor.start();
            startedJobExecutor = true;
        }
        PerformanceSuite.run(workloads, "storm", 0);
        PerformanceSuite.run(workloads, "idle-timers", 0);
        PerformanceSuite.run(workloads, "soak", 0);
        // the other tests leave open tasks in the shared database: a few more than there are, so some are copied
        var inbox = sizes.withInboxTasks((int) engine.getTaskService().createTaskQuery().count() + 20);
        PerformanceSuite.run(new Workloads(bench, inbox), "inbox", 0);
        PerformanceSuite.run(workloads, "night", 0);

        assertThat(value(figures, "intake", "failed requests")).isZero();
        assertThat(value(figures, "intake", "requests/s, 2 clients")).isPositive();
        assertThat(value(figures, "task completion", "failed")).isZero();
        assertThat(figures.all().stream().filter(f -> f.measure().equals("failed") && f.round() == 2)).hasSize(1);
        assertThat(value(figures, "inbox query", "agent of customer-service: tasks on the first page")).isPositive();
        assertThat(value(figures, "inbox query", "agent of every staff group: tasks on the first page")).isPositive();
        assertThat(value(figures, "inbox query", "agent of every staff group: failed")).isZero();
        assertThat(value(figures, "inbox query", "open tasks")).isGreaterThanOrEqualTo(inbox.inboxTasks());
        assertThat(value(figures, "inbox query", "of which copies of open tasks made by SQL")).isPositive();
        // after the last round a window is profiled: samples, in the application's threads and layers
        for (var profile : List.of("intake: where the CPU went", "task completion: where the CPU went")) {
            assertThat(value(figures, profile, "CPU samples of this JVM (every 10 ms per running thread)")).isPositive();
            assertThat(value(figures, profile, "samples in " + CpuProfile.REQUESTS)).isPositive();
            // every sample of the application's threads is spent in exactly one layer
            assertThat(figures.all().stream().filter(f -> f.workload().equals(profile)
                    && f.measure().startsWith("application's samples spent in")).mapToDouble(Figures.Figure::value).sum())
                    .isCloseTo(100, org.assertj.core.data.Offset.offset(0.01));
            assertThat(value(figures, profile, "machine CPU busy")).isPositive();
        }
        if (bench.postgres) {
            assertThat(value(figures, "intake: where the CPU went", "of the machine: PostgreSQL's processes")).isPositive();
            var plan = PerformanceSuite.OUT.resolve("smoke-inbox-agent-of-customer-service.plan");
            assertThat(plan).content().contains("act_ru_task", "Execution Time");
            assertThat(value(figures, "inbox query", "agent of customer-service: the page's statement in PostgreSQL, "
                    + "planning and execution (EXPLAIN ANALYZE)")).isPositive();
        }
        assertThat(value(figures, "escalation storm", "timers due at once")).isEqualTo(sizes.stormTimers());
        assertThat(value(figures, "escalation storm", "timers left after " + sizes.stormTimeoutSeconds()
                + " s (unfired or failed)")).isZero();
        assertThat(value(figures, "timer precision, idle", "not fired within 90 s of the window")).isZero();
        assertThat(value(figures, "lifecycle soak", "failed requests")).isZero();
        assertThat(value(figures, "lifecycle soak", "intakes done")).isPositive();
        assertThat(value(figures, "lifecycle soak", "HTTP request threads busy, max")).isNotNegative();
        // every customer of the database the tests share, the night's among them
        assertThat(value(figures, "night re-tiering", "first night (every customer's first tier): customers evaluated"
                + " and written")).isGreaterThanOrEqualTo(sizes.nightCustomers());
        assertThat(value(figures, "night re-tiering", "first night (every customer's first tier): tier changes recorded"))
                .isGreaterThanOrEqualTo(sizes.nightCustomers());
        assertThat(value(figures, "night re-tiering", "next night (tiers as stored): customers/s end to end")).isPositive();
    }

    private static double value(Figures figures, String workload, String measure) {
        return figures.all().stream().filter(f -> f.workload().equals(workload) && f.measure().equals(measure))
                .mapToDouble(Figures.Figure::value).findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + workload + ": " + measure + " in " + figures.all()));
    }
}
