package com.gridcare.bench;

import ch.qos.logback.classic.Level;
import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.CustomerFacts;
import com.gridcare.customer.Tier;
import com.gridcare.deployment.FolderWatcher;
import com.gridcare.deployment.SourceFolder;
import com.gridcare.offers.OfferEligibility;
import com.gridcare.rules.runtime.RuleCompiler;
import com.gridcare.rules.runtime.RuleModuleCache;
import com.gridcare.rules.runtime.RuleSessions;
import com.gridcare.rules.runtime.RuleSet;
import com.gridcare.rules.runtime.RuleVerifier;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Time from a changed rule file to the new rules serving, under concurrent load, and proof that no
 * decision failed or mixed versions during the swaps. GridCare's publish path without Spring and
 * the database: the rules-folder watch (same poll as the application), compile of the changed
 * package, every example of every package, atomic swap. Load threads decide continuously (customer
 * and offer rules, one session each, as logged decisions do), each taking the live rules once.
 *
 * <p>Usage: {@code bench/rules-publish.sh [changes=5] [load threads=2] [poll ms=500]}.
 */
public final class RulesPublishBenchmark {

    /** The probe: industrial, 300 MWh, supplied at 100 kV, 3-year contract. STRATEGIC (and LONG_TERM_CONTRACT) iff the 110 kV row says ≤ 100. */
    private static CustomerFacts probe() {
        var f = new CustomerFacts();
        f.setCustomerId("PROBE");
        f.setCustomerClass(CustomerClass.INDUSTRIAL);
        f.setAnnualKwh(300_000);
        f.setSupplyVoltageKv(100);
        f.setContractedCapacityKva(250);
        f.setTenureYears(2);
        f.setMonthsAsCustomer(24);
        f.setContractTermYears(3);
        return f;
    }

    private RulesPublishBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
        // the customer rules read the decided tier in an eval on purpose (rules/customer/evaluation.drl)
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.drools.base.rule.EvalCondition")).setLevel(Level.ERROR);
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int loadThreads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        long poll = args.length > 2 ? Long.parseLong(args[2]) : 500;
        var folder = Path.of("target/bench-rules");
        copy(Path.of("rules"), folder);
        var source = SourceFolder.of("rules", folder.toString());
        var started = System.nanoTime();
        var first = RuleVerifier.verify(source.read(p -> true), RuleModuleCache.in("target/rules-cache"), null, 1000);
        // publishes use an empty cache: every new content is really compiled
        var publishCache = Path.of("target/bench-rules-cache");
        delete(publishCache);
        var cache = RuleModuleCache.in(publishCache.toString());
        if (!first.ok()) throw new IllegalStateException(first.problems().toString());
        var live = new AtomicReference<RuleSet>(first.ruleSet());
        var thresholdOf = new ConcurrentHashMap<String, Double>();
        thresholdOf.put(live.get().version(), 110.0);
        System.out.printf("GridCare rules publish benchmark: %d changes of rules/customer/tier.drl.xlsx, %d load threads, "
                + "folder poll %d ms%n", changes, loadThreads, poll);
        System.out.printf("machine: %d cores, Java %s; rules %s ready in %d ms%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), live.get().version(), (System.nanoTime() - started) / 1_000_000);

        if (!System.getProperty("warm-up", "true").equals("false")) {
            long warmUp = System.nanoTime();
            RuleCompiler.warmUp(live.get(), 2); // as GridCare does in the background after start-up
            System.out.printf("rule compiler warmed up in %,d ms (GridCare does this in the background after start-up)%n",
                    (System.nanoTime() - warmUp) / 1_000_000);
        }
        var swappedAt = new ConcurrentHashMap<String, Long>();
        var refused = new AtomicLong();
        var watcher = new FolderWatcher("bench", List.of(source), poll, () -> {
            var files = source.read(p -> true);
            var current = live.get();
            if (RuleCompiler.version(files).equals(current.version())) return;
            var verified = RuleVerifier.verify(files, cache, current, 1000);
            if (!verified.ok()) {
                refused.incrementAndGet();
                return;
            }
            live.set(verified.ruleSet());
            swappedAt.put(verified.ruleSet().version(), System.nanoTime());
        });

        var running = new AtomicBoolean(true);
        var decisions = new AtomicLong();
        var failures = new AtomicLong();
        var inconsistent = new AtomicLong();
        var firstServed = new ConcurrentHashMap<String, Long>();
        var load = new ArrayList<Thread>();
        for (int t = 0; t < loadThreads; t++) {
            var thread = new Thread(() -> {
                while (running.get()) {
                    var rules = live.get(); // once per decision: a decision in flight finishes on these rules
                    try {
                        var facts = probe();
                        RuleSessions.runOne(rules, "customer", List.of(facts), 1000);
                        var offers = OfferEligibility.facts(facts, facts.getTier(), Set.of());
                        RuleSessions.runOne(rules, "offers", List.of(offers), 1000);
                        var threshold = thresholdOf.get(rules.version());
                        boolean strategic = threshold != null && threshold <= 100;
                        boolean consistent = threshold != null
                                && facts.getTier() == (strategic ? Tier.STRATEGIC : Tier.BUSINESS)
                                && offers.getOffers().contains("LONG_TERM_CONTRACT") == strategic;
                        if (!consistent) inconsistent.incrementAndGet();
                        firstServed.putIfAbsent(rules.version(), System.nanoTime());
                        decisions.incrementAndGet();
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                    }
                }
            }, "load-" + t);
            thread.start();
            load.add(thread);
        }

        double[] thresholds = {100, 105, 99, 106, 98, 104, 97, 107, 96, 108};
        var tier = Files.readAllBytes(folder.resolve("customer/tier.drl.xlsx"));
        var rows = new ArrayList<String>();
        var latencies = new ArrayList<Double>();
        for (int i = 0; i <= changes; i++) {
            // the last change republishes the first one's content: a version compiled before (cache hit)
            double threshold = i < changes ? thresholds[i % thresholds.length] : thresholds[0];
            var changed = setNumber(tier, "D11", threshold);
            var version = versionWith(source, "customer/tier.drl.xlsx", changed);
            thresholdOf.put(version, threshold);
            long decisionsBefore = decisions.get();
            var temp = Files.createTempFile(folder.resolve("customer"), ".save", ".tmp");
            Files.write(temp, changed);
            long savedAt = System.nanoTime();
            Files.move(temp, folder.resolve("customer/tier.drl.xlsx"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            long deadline = savedAt + 120_000_000_000L;
            while (!firstServed.containsKey(version) && System.nanoTime() < deadline) Thread.sleep(5);
            if (!firstServed.containsKey(version)) throw new IllegalStateException("version " + version + " never served");
            double swap = (swappedAt.get(version) - savedAt) / 1e6;
            double served = (firstServed.get(version) - savedAt) / 1e6;
            latencies.add(served);
            rows.add(String.format("| %d | %s kV | %s | %,.0f ms | %,.0f ms | %,d |", i + 1, trim(threshold),
                    i < changes ? "new content: compiled" : "earlier content: compiled before", swap, served,
                    decisions.get() - decisionsBefore));
            Thread.sleep(300);
        }
        running.set(false);
        for (var thread : load) thread.join();
        watcher.close();
        System.out.println();
        System.out.println("| change | STRATEGIC from | package | saved → swapped | saved → first decision on the new rules | decisions meanwhile |");
        System.out.println("|---:|---:|---|---:|---:|---:|");
        rows.forEach(System.out::println);
        var sorted = latencies.stream().sorted().toList();
        System.out.printf("%ntime to serve: median %,.0f ms, worst %,.0f ms (target < 5,000 ms)%n",
                sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        System.out.printf("decisions during the run: %,d; failed: %d; on mixed or unknown rules: %d; refused publishes: %d%n",
                decisions.get(), failures.get(), inconsistent.get(), refused.get());
    }

    private static String versionWith(SourceFolder source, String path, byte[] content) {
        var files = new java.util.TreeMap<>(source.read(p -> true));
        files.put(path, content);
        return RuleCompiler.version(files);
    }

    private static byte[] setNumber(byte[] xlsx, String cell, double value) throws Exception {
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx)); var out = new ByteArrayOutputStream()) {
            var ref = new org.apache.poi.ss.util.CellReference(cell);
            workbook.getSheetAt(0).getRow(ref.getRow()).getCell(ref.getCol()).setCellValue(value);
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static void copy(Path from, Path to) throws Exception {
        delete(to);
        try (Stream<Path> files = Files.walk(from)) {
            for (var p : (Iterable<Path>) files::iterator) {
                var target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    private static void delete(Path to) throws Exception {
        if (Files.exists(to)) {
            try (Stream<Path> old = Files.walk(to)) {
                for (var p : (Iterable<Path>) old.sorted(java.util.Comparator.reverseOrder())::iterator) Files.delete(p);
            }
        }
    }
}
