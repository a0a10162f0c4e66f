package com.gridcare.insight;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The counters operators alert on, counted when the transaction that did the thing commits (a rolled-back
 * intake or a retried job counts once): {@code gridcare_intakes_total} by kind and channel,
 * {@code gridcare_sla_breaches_total} by clock, {@code gridcare_escalations_total} by level and kind.
 * The gauges read from the database are in {@code db.EngineMetrics} and {@code cases.OpenCaseMetrics}.
 */
@Component
public class ServiceMetrics {

    private final MeterRegistry registry;

    ServiceMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void intake(String kind, String channel) {
        afterCommit(Counter.builder("gridcare.intakes").description("cases received, by kind and channel")
                .tag("kind", kind).tag("channel", channel).register(registry));
    }

    public void slaBreach(String clock) {
        afterCommit(Counter.builder("gridcare.sla.breaches").description("SLA clocks breached, by clock")
                .tag("clock", clock).register(registry));
    }

    public void escalation(int level, String kind) {
        afterCommit(Counter.builder("gridcare.escalations").description("escalations raised, by level and kind")
                .tag("level", String.valueOf(level)).tag("kind", kind).register(registry));
    }

    private static void afterCommit(Counter counter) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }
}
