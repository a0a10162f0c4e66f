package com.gridcare.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.consent.Consents;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.customer.PreferredChannel;
import com.gridcare.db.Database;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestCases;
import com.gridcare.testsupport.TestData;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Figures for the outbox (run by {@code bench/notifications.sh}, skipped otherwise): how fast steps
 * can queue messages (one transaction each, as jobs do), and how fast two dispatchers on one
 * machine deliver them through the HTTP gateway sender to a loopback gateway, with the check that
 * every message reached the gateway exactly once.
 */
@GridCareTest
@EnabledIfSystemProperty(named = "gridcare.bench", matches = "true")
class NotificationOutboxBenchmark {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestData testData;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    OutboxStore store;
    @Autowired
    NotificationMetrics metrics;
    @Autowired
    CustomerRepository customers;
    @Autowired
    Consents consents;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;
    @Autowired
    ObjectMapper json;
    @Autowired
    Database database;

    @Test
    void measureQueueingAndDelivery() throws Exception {
        int messages = Integer.getInteger("gridcare.bench.messages", 1000);
        var caseId = new TestCases(context).caseWithoutProcess(testData.residential());
        var values = Map.of("replyBy", "2026-10-20T10:00:00+08:00");

        long queueStart = System.nanoTime();
        for (int step = 1; step <= messages; step++) {
            var name = String.valueOf(step);
            transactions.executeWithoutResult(tx -> outbox.enqueue(caseId, NotificationTemplate.CASE_REOPENED, name,
                    values));
        }
        double queueSeconds = (System.nanoTime() - queueStart) / 1e9;

        try (var gateway = new TestGateway()) {
            var sender = HttpGatewaySender.sms(new NotificationProperties.Gateway(gateway.url(), null,
                    Duration.ofSeconds(10)), json);
            Map<PreferredChannel, String> all = Arrays.stream(PreferredChannel.values())
                    .collect(Collectors.toMap(Function.identity(), c -> sender.name()));
            var pool = Executors.newFixedThreadPool(2);
            long sendStart = System.nanoTime();
            var nodes = new ArrayList<Future<Integer>>();
            for (var node : List.of("bench-A", "bench-B")) {
                var dispatcher = new NotificationDispatcher(store, customers,
                        new NotificationSenders(List.of(sender), all), consents, metrics, transactions, clock, 50,
                        Duration.ofMinutes(2), List.of(Duration.ofSeconds(30)), node);
                nodes.add(pool.submit(() -> {
                    int sent = 0;
                    for (int round = 0; round < 10 * messages; round++) {
                        int now = dispatcher.dispatchDue();
                        sent += now;
                        if (now == 0 && store.due(OffsetDateTime.now(clock), 1).isEmpty()) break;
                    }
                    return sent;
                }));
            }
            int sentA = nodes.get(0).get(10, TimeUnit.MINUTES);
            int sentB = nodes.get(1).get(10, TimeUnit.MINUTES);
            double sendSeconds = (System.nanoTime() - sendStart) / 1e9;
            pool.shutdown();

            var keys = gateway.requests.stream().map(TestGateway.Request::idempotencyKey).toList();
            long duplicates = keys.size() - keys.stream().distinct().count();
            var queued = outbox.forCase(caseId);
            System.out.printf("%nbench notifications (%s, %d messages)%n", database.isPostgres() ? "PostgreSQL" : "H2",
                    messages);
            System.out.printf("  queue:   %.0f messages/s (%.2f ms each, one transaction per message)%n",
                    messages / queueSeconds, queueSeconds * 1000 / messages);
            System.out.printf("  deliver: %.0f messages/s with 2 dispatchers (node A %d, node B %d) to a loopback"
                    + " HTTP gateway%n", messages / sendSeconds, sentA, sentB);
            System.out.printf("  gateway requests %d, repeated idempotency keys %d, rows SENT %d of %d%n%n",
                    keys.size(), duplicates, queued.stream().filter(n -> n.status().equals("SENT")).count(),
                    queued.size());
            assertThat(duplicates).isZero();
            assertThat(sentA + sentB).isEqualTo(messages);
        }
    }
}
