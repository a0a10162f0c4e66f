package com.gridcare.bench;

import ch.qos.logback.classic.Level;
import com.gridcare.customer.CustomerFacts;
import com.gridcare.customer.Tier;
import com.gridcare.deployment.SourceFolder;
import com.gridcare.offers.OfferEligibility;
import com.gridcare.offers.OfferFacts;
import com.gridcare.rules.runtime.RuleCompiler;
import com.gridcare.rules.runtime.RuleModuleCache;
import com.gridcare.rules.runtime.RuleSessions;
import com.gridcare.rules.runtime.RuleSet;
import com.gridcare.rules.runtime.RuleVerifier;
import java.io.FileInputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Full customer evaluation (tier, flags, segments, offers) over synthetic customers with 1 and 2
 * threads: evaluations per second and allocation per evaluation, side by side with the same tier
 * table in Camunda's DMN engine and the same rules hand-written in Java.
 *
 * <p>Usage: {@code bench/rules-evaluation.sh [customers] [threads,...]} (default 1000000 and 1,2).
 */
public final class RulesEvaluationBenchmark {

    private static final int MAX_FIRINGS = 1000;
    private static final int CHUNK = RuleSessions.BATCH;
    /** Each variant and thread count is measured this often; the table shows the median run. */
    private static final int REPEATS = Integer.getInteger("repeats", 3);

    /** One way of deciding; returns tier counts (RESIDENTIAL, BUSINESS, KEY, STRATEGIC) as a cross-check. */
    interface Variant {
        String name();

        String scope();

        long[] run(SyntheticCustomers data, int from, int to);

        /** A variant too slow for the whole base is measured on its first customers only. */
        default int maxCustomers() {
            return Integer.MAX_VALUE;
        }
    }

    record Row(String variant, String scope, int threads, double perSecond, double perCpuSecond,
            double bytesPerEvaluation, long[] tiers) {}

    private RulesEvaluationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        // the customer rules read the decided tier in an eval on purpose (rules/customer/evaluation.drl)
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.drools.base.rule.EvalCondition")).setLevel(Level.ERROR);
        int customers = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        int[] threadCounts = Arrays.stream((args.length > 1 ? args[1] : "1,2").split(",")).mapToInt(Integer::parseInt).toArray();
        System.out.printf("GridCare rules evaluation benchmark: %,d synthetic customers, threads %s%n", customers,
                Arrays.toString(threadCounts));
        System.out.printf("machine: %d cores, Java %s, load average %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), loadAverage());

        long started = System.nanoTime();
        var verified = RuleVerifier.verify(SourceFolder.of("rules", "rules").read(p -> true),
                RuleModuleCache.in("target/rules-cache"), null, MAX_FIRINGS);
        if (!verified.ok()) throw new IllegalStateException("rules do not verify: " + verified.problems());
        var rules = verified.ruleSet();
        var tierOnly = RuleCompiler.compile(Map.of("customer/tier.drl.xlsx",
                Files.readAllBytes(Path.of("rules/customer/tier.drl.xlsx")))).withBatchSafe(Set.of("customer"));
        System.out.printf("rules %s ready in %d ms; batch-safe packages %s%n", rules.version(),
                (System.nanoTime() - started) / 1_000_000, rules.batchSafe());
        DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnDecision dmnTier;
        try (var in = new FileInputStream("bench/tier.dmn")) {
            dmnTier = dmn.parseDecision("tier", in);
        }
        DmnEngine legacyDmn = ((org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration)
                DmnEngineConfiguration.createDefaultDmnEngineConfiguration()).enableFeelLegacyBehavior(true).buildEngine();
        DmnDecision legacyDmnTier;
        try (var in = new FileInputStream("bench/tier.dmn")) {
            legacyDmnTier = legacyDmn.parseDecision("tier", in);
        }
        var data = new SyntheticCustomers(customers, 42);
        var only = System.getProperty("variants", "");

        var variants = List.of(
                drools("Drools, rule sessions of 1,000 customers", "tier, flags, segments, offers", rules, true),
                drools("Drools, one stateless session per customer (as a logged decision)", "tier, flags, segments, offers",
                        rules, false),
                droolsTierOnly(tierOnly),
                dmn("Camunda DMN engine 7.24 (default FEEL), same tier table", dmn, dmnTier, 20_000),
                dmn("Camunda DMN engine 7.24 (legacy FEEL), same tier table", legacyDmn, legacyDmnTier, Integer.MAX_VALUE),
                javaFull(),
                javaTier());

        var rows = new ArrayList<Row>();
        for (var variant : variants) {
            if (!only.isEmpty() && !variant.name().toLowerCase().contains(only.toLowerCase())) continue;
            for (int i = 0; i < 3; i++) variant.run(data, 0, Math.min(Math.min(customers, 200_000), variant.maxCustomers() / 4));
            for (int threads : threadCounts) {
                var runs = new ArrayList<Row>();
                for (int r = 0; r < REPEATS; r++) runs.add(measure(variant, data, threads));
                runs.sort(java.util.Comparator.comparingDouble(Row::perSecond));
                rows.add(runs.get(REPEATS / 2)); // the median run
            }
        }
        System.out.printf("load average after: %s; each figure is the median of %d runs%n%n", loadAverage(), REPEATS);
        System.out.println("| variant | decides | threads | evaluations/s | per thread | per CPU-second | allocated per evaluation |");
        System.out.println("|---|---|---:|---:|---:|---:|---:|");
        for (var row : rows) {
            System.out.printf("| %s | %s | %d | %,.0f | %,.0f | %,.0f | %,.0f B |%n", row.variant(), row.scope(),
                    row.threads(), row.perSecond(), row.perSecond() / row.threads(), row.perCpuSecond(),
                    row.bytesPerEvaluation());
        }
        var reference = rows.get(0).tiers();
        boolean agree = rows.stream().allMatch(r -> r.tiers() == null || Arrays.equals(r.tiers(), reference));
        System.out.printf("%ntiers (RESIDENTIAL, BUSINESS, KEY, STRATEGIC) %s in every variant run on all customers: %s%n",
                Arrays.toString(reference), agree ? "the same" : "DIFFERENT");
        System.out.printf("full evaluations that differ between Drools and hand-written Java (first 100,000): %d%n",
                compareFull(rules, data, Math.min(customers, 100_000)));
    }

    private static Row measure(Variant variant, SyntheticCustomers data, int threads) throws Exception {
        var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var pool = Executors.newFixedThreadPool(threads);
        try {
            var tasks = new ArrayList<Callable<long[]>>();
            int size = Math.min(data.size, variant.maxCustomers());
            int per = size / threads;
            for (int t = 0; t < threads; t++) {
                int from = t * per;
                int to = t == threads - 1 ? size : from + per;
                tasks.add(() -> {
                    long before = mx.getCurrentThreadAllocatedBytes();
                    long cpu = mx.getCurrentThreadCpuTime();
                    var tiers = variant.run(data, from, to);
                    var result = Arrays.copyOf(tiers, 6);
                    result[4] = mx.getCurrentThreadAllocatedBytes() - before;
                    result[5] = mx.getCurrentThreadCpuTime() - cpu;
                    return result;
                });
            }
            long started = System.nanoTime();
            var futures = pool.invokeAll(tasks);
            long elapsed = System.nanoTime() - started;
            var tiers = new long[4];
            long allocated = 0;
            long cpu = 0;
            for (var future : futures) {
                var r = future.get();
                for (int i = 0; i < 4; i++) tiers[i] += r[i];
                allocated += r[4];
                cpu += r[5];
            }
            double perSecond = size / (elapsed / 1e9);
            double perCpuSecond = size / (cpu / 1e9);
            System.out.printf("  %-70s %d thread(s): %,12.0f evaluations/s, %,12.0f per CPU-second%n", variant.name(),
                    threads, perSecond, perCpuSecond);
            var name = size < data.size ? variant.name() + String.format(" (first %,d customers)", size) : variant.name();
            return new Row(name, variant.scope(), threads, perSecond, perCpuSecond, (double) allocated / size,
                    size < data.size ? null : tiers);
        } finally {
            pool.shutdown();
        }
    }

    private static Variant drools(String name, String scope, RuleSet rules, boolean batched) {
        return new Variant() {
            public String name() { return name; }
            public String scope() { return scope; }
            public long[] run(SyntheticCustomers data, int from, int to) {
                var tiers = new long[4];
                for (int start = from; start < to; start += CHUNK) {
                    int end = Math.min(to, start + CHUNK);
                    var facts = new ArrayList<CustomerFacts>(end - start);
                    for (int i = start; i < end; i++) facts.add(data.facts(i));
                    if (batched) {
                        RuleSessions.runAll(rules, "customer", facts, MAX_FIRINGS);
                    } else {
                        for (var f : facts) RuleSessions.runOne(rules, "customer", List.of(f), MAX_FIRINGS);
                    }
                    var offers = new ArrayList<OfferFacts>(facts.size());
                    for (var f : facts) offers.add(OfferEligibility.facts(f, f.getTier(), Set.of()));
                    if (batched) {
                        RuleSessions.runAll(rules, "offers", offers, MAX_FIRINGS);
                    } else {
                        for (var o : offers) RuleSessions.runOne(rules, "offers", List.of(o), MAX_FIRINGS);
                    }
                    for (var f : facts) tiers[f.getTier().ordinal()]++;
                }
                return tiers;
            }
        };
    }

    private static Variant droolsTierOnly(RuleSet tierOnly) {
        return new Variant() {
            public String name() { return "Drools, tier table only, sessions of 1,000"; }
            public String scope() { return "tier"; }
            public long[] run(SyntheticCustomers data, int from, int to) {
                var tiers = new long[4];
                for (int start = from; start < to; start += CHUNK) {
                    int end = Math.min(to, start + CHUNK);
                    var facts = new ArrayList<CustomerFacts>(end - start);
                    for (int i = start; i < end; i++) facts.add(data.facts(i));
                    RuleSessions.runAll(tierOnly, "customer", facts, MAX_FIRINGS);
                    for (var f : facts) tiers[f.getTier().ordinal()]++;
                }
                return tiers;
            }
        };
    }

    private static Variant dmn(String name, DmnEngine engine, DmnDecision decision, int maxCustomers) {
        return new Variant() {
            public String name() { return name; }
            public int maxCustomers() { return maxCustomers; }
            public String scope() { return "tier"; }
            public long[] run(SyntheticCustomers data, int from, int to) {
                var tiers = new long[4];
                for (int i = from; i < to; i++) {
                    var variables = Variables.createVariables()
                            .putValue("residential", data.residential(i))
                            .putValue("annualKwh", data.annualKwh[i])
                            .putValue("supplyVoltageKv", (double) data.supplyVoltageKv[i])
                            .putValue("contractedCapacityKva", (double) data.contractedCapacityKva[i]);
                    String tier = engine.evaluateDecisionTable(decision, variables).getSingleResult().getSingleEntry();
                    tiers[Tier.valueOf(tier).ordinal()]++;
                }
                return tiers;
            }
        };
    }

    private static Variant javaFull() {
        return new Variant() {
            public String name() { return "hand-written Java, same objects"; }
            public String scope() { return "tier, flags, segments, offers"; }
            public long[] run(SyntheticCustomers data, int from, int to) {
                var tiers = new long[4];
                for (int i = from; i < to; i++) {
                    var f = data.facts(i);
                    HandWrittenRules.customer(f);
                    HandWrittenRules.offers(OfferEligibility.facts(f, f.getTier(), Set.of()));
                    tiers[f.getTier().ordinal()]++;
                }
                return tiers;
            }
        };
    }

    private static Variant javaTier() {
        return new Variant() {
            public String name() { return "hand-written Java, tier only"; }
            public String scope() { return "tier"; }
            public long[] run(SyntheticCustomers data, int from, int to) {
                var tiers = new long[4];
                for (int i = from; i < to; i++) {
                    tiers[HandWrittenRules.tier(data.residential(i), data.annualKwh[i], data.supplyVoltageKv[i],
                            data.contractedCapacityKva[i]).ordinal()]++;
                }
                return tiers;
            }
        };
    }

    /** Drools (batched) and the hand-written rules must answer the same for every customer. */
    private static int compareFull(RuleSet rules, SyntheticCustomers data, int count) {
        var facts = new ArrayList<CustomerFacts>();
        var hand = new ArrayList<CustomerFacts>();
        for (int i = 0; i < count; i++) {
            facts.add(data.facts(i));
            var h = data.facts(i);
            HandWrittenRules.customer(h);
            hand.add(h);
        }
        RuleSessions.runAll(rules, "customer", facts, MAX_FIRINGS);
        var offers = facts.stream().map(f -> OfferEligibility.facts(f, f.getTier(), Set.of())).toList();
        RuleSessions.runAll(rules, "offers", offers, MAX_FIRINGS);
        int differ = 0;
        for (int i = 0; i < count; i++) {
            var a = facts.get(i);
            var b = hand.get(i);
            var handOffers = OfferEligibility.facts(b, b.getTier(), Set.of());
            HandWrittenRules.offers(handOffers);
            if (a.getTier() != b.getTier() || !a.getFlags().equals(b.getFlags()) || !a.getSegments().equals(b.getSegments())
                    || !offers.get(i).getOffers().equals(handOffers.getOffers())
                    || offers.get(i).getDiscountPercent() != handOffers.getDiscountPercent()) {
                differ++;
            }
        }
        return differ;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "n/a";
        }
    }
}
