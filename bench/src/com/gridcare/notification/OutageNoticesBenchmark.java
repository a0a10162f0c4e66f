package com.gridcare.notification;

import com.gridcare.consent.Consents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.customer.PreferredChannel;
import com.gridcare.db.Database;
import com.gridcare.outage.OutageKind;
import com.gridcare.outage.OutageRequest;
import com.gridcare.outage.Outages;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Figures for an outage's notices (run by {@code bench/outage-notices.sh}, skipped otherwise): an
 * outage affecting {@code gridcare.bench.customers} customers (default 100,000) is registered and its
 * notices queued (one INSERT … SELECT) while another thread keeps registering complaints over HTTP and
 * measures their latency; then two dispatchers deliver to a loopback HTTP gateway for a bounded time,
 * with the checks that every customer has exactly one notice and no message reached the gateway twice.
 */
@GridCareTest
@EnabledIfSystemProperty(named = "gridcare.bench", matches = "true")
class OutageNoticesBenchmark {

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Outages outages;
    @Autowired
    ManagementService management;
    @Autowired
    OutboxStore store;
    @Autowired
    NotificationMetrics metrics;
    @Autowired
    CustomerRepository customers;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;
    @Autowired
    ObjectMapper json;
    @Autowired
    Database database;
    @Autowired
    com.gridcare.consent.Consents consents;

    @Test
    void queueTheNoticesOfAHundredThousandCustomersWhileIntakeGoesOn() throws Exception {
        int count = Integer.getInteger("gridcare.bench.customers", 100_000);
        int deliverSeconds = Integer.getInteger("gridcare.bench.deliver-seconds", 60);
        testData.users();
        var feeder = TestData.uniqueId("BENCH");
        long loadStart = System.nanoTime();
        var now = OffsetDateTime.now(clock);
        var channels = PreferredChannel.values();
        for (int from = 0; from < count; from += 5000) {
            var rows = new ArrayList<Object[]>();
            for (int i = from; i < Math.min(count, from + 5000); i++) {
                rows.add(new Object[] {feeder + "-" + i, "Bench customer " + i, i % 1000 == 0 ? "PRIORITY_CARE" : "",
                        channels[i % channels.length].name(), feeder, now, now});
            }
            jdbc.batchUpdate("""
                    INSERT INTO customer (id, name, customer_class, supply_voltage_kv, contracted_capacity_kva,
                           contract_start, critical_load, priority_care, green_preference, area, preferred_channel,
                           phone, email, flags, tier, feeder_id, created_at, updated_at)
                    VALUES (?, ?, 'RESIDENTIAL', 0.22, 8, DATE '2020-01-01', FALSE, FALSE, FALSE, 'URBAN', ?,
                           '13800138000', 'bench@example.cn', ?, 'RESIDENTIAL', ?, ?, ?)""",
                    rows.stream().map(r -> new Object[] {r[0], r[1], r[3], r[2], r[4], r[5], r[6]}).toList());
        }
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        var intakeCustomer = testData.residential();

        // intake of other work, all the while
        var running = new AtomicBoolean(true);
        var latencies = Collections.synchronizedList(new ArrayList<Long>());
        var pool = Executors.newFixedThreadPool(3);
        var intake = pool.submit(() -> {
            var api = Api.at(port).as(Groups.CHANNEL_SYSTEMS);
            int failures = 0;
            while (running.get()) {
                long t = System.nanoTime();
                var answer = api.post("/api/v1/complaints", """
                        {"customerId": "%s", "channel": "HOTLINE", "category": "METER", "description": "Meter blank"}"""
                        .formatted(intakeCustomer));
                latencies.add(System.nanoTime() - t);
                if (answer.status() != 201) failures++;
            }
            return failures;
        });
        // a baseline first: at least 40 complaints after the first 10 (the server warming up), at most 90 s
        long baselineUntil = System.nanoTime() + 90_000_000_000L;
        while (latencies.size() < 50 && System.nanoTime() < baselineUntil) Thread.sleep(200);

        int before = latencies.size();
        long registerStart = System.nanoTime();
        var start = now.plusDays(8);
        var outage = transactions.execute(tx -> outages.register(new OutageRequest(OutageKind.PLANNED, List.of(feeder),
                null, start, start.plusHours(6), "bench maintenance", null), new Outages.Actor("bench", false)));
        double registerSeconds = (System.nanoTime() - registerStart) / 1e9;
        long queueStart = System.nanoTime();
        var noticeJob = management.createJobQuery().processInstanceId(outage.processInstanceId()).list().stream()
                .filter(j -> !(j instanceof TimerEntity)).findFirst().orElseThrow();
        management.executeJob(noticeJob.getId());
        double queueSeconds = (System.nanoTime() - queueStart) / 1e9;
        int latencyWindow = latencies.size();
        Thread.sleep(1000);
        running.set(false);
        int intakeFailures = intake.get(1, TimeUnit.MINUTES);
        var during = new ArrayList<>(latencies.subList(before, Math.min(latencies.size(), latencyWindow)));
        Collections.sort(during);
        // the first requests warm the server up; the rest before the outage is the baseline
        var baseline = new ArrayList<>(latencies.subList(Math.min(10, before), before));
        Collections.sort(baseline);

        var perCustomer = jdbc.queryForObject("""
                SELECT COUNT(*) FROM notification_outbox WHERE outage_id = ? AND step = 'NOTICE'""", Long.class, outage.id());
        var distinct = jdbc.queryForObject("""
                SELECT COUNT(DISTINCT customer_id) FROM notification_outbox WHERE outage_id = ? AND step = 'NOTICE'""",
                Long.class, outage.id());

        long delivered;
        long duplicates;
        double sendSeconds;
        try (var gateway = new TestGateway()) {
            var sender = HttpGatewaySender.sms(new NotificationProperties.Gateway(gateway.url(), null,
                    Duration.ofSeconds(10)), json);
            Map<PreferredChannel, String> all = Arrays.stream(PreferredChannel.values())
                    .collect(Collectors.toMap(Function.identity(), c -> sender.name()));
            long sendStart = System.nanoTime();
            var deadline = sendStart + deliverSeconds * 1_000_000_000L;
            var nodes = new ArrayList<Future<Integer>>();
            for (var node : List.of("bench-A", "bench-B")) {
                var dispatcher = new NotificationDispatcher(store, customers, new NotificationSenders(List.of(sender), all),
                        consents, metrics, transactions, clock, 50, Duration.ofMinutes(2), List.of(Duration.ofSeconds(30)), node);
                nodes.add(pool.submit(() -> {
                    int sent = 0;
                    while (System.nanoTime() < deadline) {
                        int round = dispatcher.dispatchDue();
                        sent += round;
                        if (round == 0) break;
                    }
                    return sent;
                }));
            }
            delivered = nodes.get(0).get(10, TimeUnit.MINUTES) + nodes.get(1).get(10, TimeUnit.MINUTES);
            sendSeconds = (System.nanoTime() - sendStart) / 1e9;
            var keys = gateway.requests.stream().map(TestGateway.Request::idempotencyKey).toList();
            duplicates = keys.size() - keys.stream().distinct().count();
        }
        pool.shutdown();

        System.out.printf("%nbench outage notices (%s, %d affected customers, machine shared with other builds)%n",
                database.isPostgres() ? "PostgreSQL" : "H2", count);
        System.out.printf("  customers loaded in %.1f s (test set-up)%n", loadSeconds);
        System.out.printf("  register outage (affected customers fixed, process started): %.2f s%n", registerSeconds);
        System.out.printf("  queue notices (one INSERT ... SELECT, job): %.2f s -> %d rows, %d customers%n", queueSeconds,
                perCustomer, distinct);
        System.out.printf("  queue total (register + notices): %.2f s (target <= 30 s)%n", registerSeconds + queueSeconds);
        System.out.printf("  intake meanwhile: %d complaints, p50 %.0f ms, p99 %.0f ms, max %.0f ms, failures %d"
                + " (target p99 <= 200 ms)%n", during.size(), ms(during, 0.50), ms(during, 0.99), ms(during, 1.0),
                intakeFailures);
        System.out.printf("  intake before the outage (baseline): %d complaints, p50 %.0f ms, p99 %.0f ms%n",
                baseline.size(), ms(baseline, 0.50), ms(baseline, 0.99));
        System.out.printf("  deliver (2 dispatchers, loopback HTTP gateway, %d s budget): %d sent, %.0f/s, repeated"
                + " idempotency keys %d%n%n", deliverSeconds, delivered, delivered / sendSeconds, duplicates);
        assertThat(perCustomer).isEqualTo(count);
        assertThat(distinct).isEqualTo(count);
        assertThat(duplicates).isZero();
    }

    private static double ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) return Double.NaN;
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
