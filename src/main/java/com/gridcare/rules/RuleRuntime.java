package com.gridcare.rules;

import com.gridcare.deployment.FolderWatcher;
import com.gridcare.deployment.SourceFolder;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Holds the live rule set. Rules are compiled from {@code rules/} at start-up (a compile error
 * stops start-up, naming file, line and message); a new set replaces the live one only once it
 * has compiled, so decisions in flight finish on the rules they started with.
 */
@Component
public class RuleRuntime {

    private static final Logger log = LoggerFactory.getLogger(RuleRuntime.class);

    private final SourceFolder folder;
    private final AtomicReference<RuleSet> live = new AtomicReference<>();
    private final FolderWatcher watcher;

    RuleRuntime(@Value("${gridcare.rules.dir:}") String rulesDir, @Value("${gridcare.rules.watch:false}") boolean watch) {
        this.folder = SourceFolder.of("rules", rulesDir);
        long started = System.nanoTime();
        var ruleSet = RuleCompiler.compile(folder.read(p -> true));
        live.set(ruleSet);
        log.info("rules {} compiled from {} in {} ms: packages {}", ruleSet.version(), folder.describe(),
                (System.nanoTime() - started) / 1_000_000, ruleSet.packages());
        this.watcher = watch ? new FolderWatcher("rules", List.of(folder), 1000, this::reloadQuietly) : null;
    }

    public RuleSet current() {
        return live.get();
    }

    public SourceFolder folder() {
        return folder;
    }

    /** Compiles rules/ as it is now and makes it live; on a compile error nothing changes. */
    public RuleSet reload() {
        var candidate = RuleCompiler.compile(folder.read(p -> true));
        return publish(candidate);
    }

    /** Makes an already compiled rule set live. */
    public RuleSet publish(RuleSet candidate) {
        var previous = live.getAndSet(candidate);
        log.info("rules {} live (was {})", candidate.version(), previous == null ? "none" : previous.version());
        return candidate;
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (RuleBuildException e) {
            log.error("changed rules refused; rules {} keep serving: {}", current().version(), e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        if (watcher != null) watcher.close();
    }
}
