package com.gridcare.rules.runtime;

import com.gridcare.deployment.SourceFolder;
import com.gridcare.rules.authoring.RuleBuildException;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Holds the live rule set. At start-up the rules in {@code rules/} are compiled (or loaded from the
 * compiled-rules cache when unchanged) and their examples run; anything wrong stops start-up,
 * naming file, row and column. Later rule sets replace the live one atomically and only once
 * verified (by publishing), so a decision in flight finishes on the rules it started with.
 */
@Component
public class RuleRuntime {

    private static final Logger log = LoggerFactory.getLogger(RuleRuntime.class);

    private final SourceFolder folder;
    private final RuleModuleCache cache;
    private final int maxFirings;
    private final AtomicReference<RuleSet> live = new AtomicReference<>();
    private final long startupMillis;

    RuleRuntime(RulesProperties properties, ObjectProvider<RulesFolderRecovery> recoveries) {
        this.folder = SourceFolder.of("rules", properties.dir());
        this.cache = RuleModuleCache.in(properties.cacheDir());
        this.maxFirings = properties.maxFirings();
        long started = System.nanoTime();
        // a publish that crashed while writing rules/ is finished or undone before the rules are read
        folder.directory().ifPresent(dir -> recoveries.orderedStream().forEach(r -> r.recover(dir)));
        var result = RuleVerifier.verify(folder.read(p -> true), cache, null, maxFirings);
        if (!result.ok()) {
            throw new RuleBuildException(result.problems());
        }
        live.set(result.ruleSet());
        startupMillis = (System.nanoTime() - started) / 1_000_000;
        log.info("rules {} ready from {} in {} ms: packages {}, examples {}", result.ruleSet().version(),
                folder.describe(), startupMillis, result.ruleSet().packages(), result.examples());
    }

    public RuleSet current() {
        return live.get();
    }

    public SourceFolder folder() {
        return folder;
    }

    /** Compiled rule packages by content hash, shared by every build of a candidate. */
    public RuleModuleCache cache() {
        return cache;
    }

    /** The most rule firings one evaluation may take. */
    public int maxFirings() {
        return maxFirings;
    }

    /** How long compiling (or loading) and checking the rules took at start-up. */
    public long startupMillis() {
        return startupMillis;
    }

    /** Makes a verified rule set live; only publishing calls this, after verifying and auditing it. */
    public RuleSet swap(RuleSet candidate) {
        var previous = live.getAndSet(candidate);
        log.info("rules {} live (was {})", candidate.version(), previous == null ? "none" : previous.version());
        return previous;
    }
}
