package com.gridcare.rules.publishing;

import com.gridcare.deployment.FolderWatcher;
import com.gridcare.rules.authoring.RuleProblem;
import com.gridcare.rules.runtime.RuleCompiler;
import com.gridcare.rules.runtime.RuleRuntime;
import com.gridcare.rules.runtime.RuleVerifier;
import com.gridcare.rules.runtime.RulesProperties;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes rules: builds the candidate (only changed packages are compiled), runs every example,
 * and swaps the live rule set atomically only if everything passes; a refused candidate changes
 * nothing and says why. Every attempt is audited (who, when, version, what changed), and the files
 * of every version that went live are kept so that a rollback can return to it. Triggered by a
 * change in {@code rules/} on disk (when watching), by the API, and at start-up.
 */
@Service
public class RulePublisher implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(RulePublisher.class);

    public enum Trigger { STARTUP, WATCH, API, ROLLBACK }

    public enum Outcome { PUBLISHED, UNCHANGED, REFUSED }

    /** The answer to a publish or rollback. */
    public record Result(Outcome outcome, String version, String previousVersion, List<String> changes,
            List<RuleProblem> problems, List<RuleVerifier.ExampleSummary> examples, long millis) {}

    /** One audited publish attempt. */
    public record Publication(String id, String version, String previousVersion, String outcome, String trigger,
            String publishedBy, OffsetDateTime publishedAt, List<String> changes, List<String> problems) {}

    private final RuleRuntime runtime;
    private final JdbcClient jdbc;
    private final Clock clock;
    /** The audit and the stored files are committed on their own: a refused publish is audited even if the caller rolls back. */
    private final TransactionTemplate ownTransaction;
    private final boolean watch;
    private final long pollMillis;
    private final int warmUpRounds;
    private FolderWatcher watcher;
    /** Where a test simulates a crash in the middle of writing a publish to disk. */
    PublishJournal.Step crashPoint = PublishJournal.Step.NONE;

    RulePublisher(RuleRuntime runtime, JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions,
            RulesProperties properties) {
        this.runtime = runtime;
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.watch = properties.watch();
        this.pollMillis = properties.watchPollMillis();
        this.warmUpRounds = properties.warmUpRounds();
    }

    @Override
    public void afterSingletonsInstantiated() {
        recordStartup();
        if (warmUpRounds > 0) {
            var warmUp = new Thread(() -> {
                long started = System.nanoTime();
                RuleCompiler.warmUp(runtime.current(), warmUpRounds);
                log.info("rule compiler warmed up in {} ms: the first publish compiles at full speed", millis(started));
            }, "rules-compiler-warm-up");
            warmUp.setDaemon(true);
            warmUp.setPriority(Thread.MIN_PRIORITY);
            warmUp.start();
        }
        if (watch) {
            watcher = new FolderWatcher("rules", List.of(runtime.folder()), pollMillis,
                    () -> publishFolder("rules folder watch", Trigger.WATCH));
        }
    }

    @EventListener(ContextClosedEvent.class)
    void stopWatching() {
        if (watcher != null) watcher.close();
    }

    /** Publishes rules/ as it is on disk now. */
    public synchronized Result publishFolder(String who, Trigger trigger) {
        var result = publish(runtime.folder().read(p -> true), Map.of(), who, trigger);
        if (result.outcome() == Outcome.REFUSED) {
            log.error("changed rules refused; rules {} keep serving: {}", runtime.current().version(), result.problems());
        }
        return result;
    }

    /** Publishes the live rules with these files added or replaced (paths relative to rules/), and writes them to rules/. */
    public synchronized Result publishFiles(Map<String, byte[]> uploads, String who) {
        var candidate = new TreeMap<>(runtime.current().files());
        candidate.putAll(uploads);
        return publish(candidate, uploads, who, Trigger.API);
    }

    /**
     * Returns to an earlier version: the given one, or the version that was live before the current one.
     *
     * @throws IllegalStateException when there is no such version
     */
    public synchronized Result rollback(String who, String version) {
        var live = runtime.current();
        var target = version != null ? version : jdbc.sql("""
                SELECT previous_version FROM rule_publication
                 WHERE outcome = 'PUBLISHED' AND version = ? AND previous_version IS NOT NULL
                 ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY""")
                .param(live.version()).query(String.class).optional().orElse(null);
        if (target == null) throw new IllegalStateException("there is no earlier version of the rules to return to");
        var files = storedFiles(target);
        if (files.isEmpty()) throw new IllegalStateException("version " + target + " of the rules was never published here");
        var candidate = new TreeMap<String, byte[]>();
        live.files().forEach((path, bytes) -> {
            if (!RuleCompiler.isPackageFile(path)) candidate.put(path, bytes);
        });
        candidate.putAll(files);
        return publish(candidate, candidate, who, Trigger.ROLLBACK);
    }

    private Result publish(Map<String, byte[]> candidate, Map<String, byte[]> toWrite, String who, Trigger trigger) {
        long started = System.nanoTime();
        var live = runtime.current();
        var version = RuleCompiler.version(candidate);
        if (version.equals(live.version())) {
            return new Result(Outcome.UNCHANGED, version, live.version(), List.of(), List.of(), List.of(), millis(started));
        }
        var verified = RuleVerifier.verify(candidate, runtime.cache(), live, runtime.maxFirings());
        var changes = RuleChanges.between(live.files(), candidate);
        if (!verified.ok()) {
            ownTransaction.executeWithoutResult(tx -> audit(version, live.version(), Outcome.REFUSED, trigger, who,
                    changes, verified.problems().stream().map(RuleProblem::toString).toList()));
            return new Result(Outcome.REFUSED, version, live.version(), changes, verified.problems(), verified.examples(),
                    millis(started));
        }
        if (!toWrite.isEmpty()) write(toWrite, trigger == Trigger.ROLLBACK);
        ownTransaction.executeWithoutResult(tx -> {
            storeFiles(version, candidate);
            audit(version, live.version(), Outcome.PUBLISHED, trigger, who, changes, List.of());
        });
        runtime.swap(verified.ruleSet());
        log.info("rules {} published by {} ({}): {}", version, who, trigger, changes);
        return new Result(Outcome.PUBLISHED, version, live.version(), changes, List.of(), verified.examples(),
                millis(started));
    }

    /** Writes published files into rules/ on disk (when GridCare runs from a folder), so a restart keeps them. */
    private void write(Map<String, byte[]> files, boolean replacePackages) {
        var directory = runtime.folder().directory();
        if (directory.isEmpty()) return;
        var root = directory.get();
        var delete = new java.util.TreeSet<String>();
        if (replacePackages) {
            for (var existing : runtime.folder().read(RuleCompiler::isPackageFile).keySet()) {
                if (!files.containsKey(existing)) delete.add(existing);
            }
        }
        var packageFiles = new TreeMap<String, byte[]>();
        files.forEach((path, bytes) -> {
            if (RuleCompiler.isPackageFile(path)) packageFiles.put(path, bytes);
        });
        PublishJournal.apply(root, packageFiles, delete, crashPoint);
        if (watcher != null) watcher.markCurrent();
    }

    private void recordStartup() {
        var live = runtime.current();
        var last = jdbc.sql("""
                SELECT version FROM rule_publication WHERE outcome = 'PUBLISHED'
                 ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY""")
                .query(String.class).optional();
        if (last.isPresent() && last.get().equals(live.version())) return;
        var changes = last.map(v -> RuleChanges.between(storedFiles(v), live.files()))
                .orElse(List.of("first start: " + live.packages().size() + " rule packages " + live.packages()));
        ownTransaction.executeWithoutResult(tx -> {
            storeFiles(live.version(), live.files());
            audit(live.version(), last.orElse(null), Outcome.PUBLISHED, Trigger.STARTUP, "start-up", changes, List.of());
        });
    }

    private void storeFiles(String version, Map<String, byte[]> files) {
        int stored = jdbc.sql("SELECT COUNT(*) FROM rule_set_file WHERE version = ?").param(version)
                .query(Integer.class).single();
        if (stored > 0) return;
        for (var file : files.entrySet()) {
            if (!RuleCompiler.isPackageFile(file.getKey())) continue;
            jdbc.sql("INSERT INTO rule_set_file (version, path, content) VALUES (?, ?, ?)")
                    .params(version, file.getKey(), file.getValue()).update();
        }
    }

    private Map<String, byte[]> storedFiles(String version) {
        var files = new TreeMap<String, byte[]>();
        jdbc.sql("SELECT path, content FROM rule_set_file WHERE version = ?").param(version)
                .query((rs, n) -> files.put(rs.getString(1), rs.getBytes(2))).list();
        return files;
    }

    private void audit(String version, String previous, Outcome outcome, Trigger trigger, String who,
            List<String> changes, List<String> problems) {
        jdbc.sql("""
                INSERT INTO rule_publication (id, version, previous_version, outcome, trigger_kind, published_by,
                                              published_at, changes, problems)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID().toString(), version, previous, outcome.name(), trigger.name(),
                        truncate(who, 100), OffsetDateTime.now(clock), truncate(String.join("\n", changes), 8000),
                        truncate(String.join("\n", problems), 8000))
                .update();
    }

    /** The latest publish attempts, newest first. */
    public List<Publication> history(int limit) {
        return jdbc.sql("""
                SELECT id, version, previous_version, outcome, trigger_kind, published_by, published_at, changes, problems
                  FROM rule_publication ORDER BY seq DESC FETCH FIRST ? ROWS ONLY""")
                .param(limit)
                .query((rs, n) -> new Publication(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class), lines(rs.getString(8)),
                        lines(rs.getString(9))))
                .list();
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
