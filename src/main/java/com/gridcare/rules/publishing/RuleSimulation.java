package com.gridcare.rules.publishing;

import com.gridcare.rules.runtime.RuleCompiler;
import com.gridcare.rules.runtime.RuleRuntime;
import com.gridcare.rules.runtime.RuleVerifier;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Service;

/**
 * Shows what a candidate rule set would do before it is published: every stored customer and the
 * cases of the last N days are decided with the current and the candidate rules by each
 * {@link RuleSimulator}, and what differs is reported. Nothing is recorded or changed.
 */
@Service
public class RuleSimulation {

    /** The simulation's answer. */
    public record Result(String currentVersion, RuleValidation.Report candidate, Set<String> changedPackages, int days,
            Map<String, Object> sections, int changeCount, List<SimulationReport.Change> changes,
            @com.fasterxml.jackson.annotation.JsonIgnore String csv) {}

    /** The candidate does not compile: nothing can be simulated. */
    public static class CandidateRefused extends RuntimeException {
        private final RuleValidation.Report report;

        CandidateRefused(RuleValidation.Report report) {
            super("the candidate rules do not compile");
            this.report = report;
        }

        public RuleValidation.Report report() {
            return report;
        }
    }

    static final int CHANGES_SHOWN = 1000;

    private final RuleRuntime runtime;
    private final List<RuleSimulator> simulators;
    private final Clock clock;

    RuleSimulation(RuleRuntime runtime, List<RuleSimulator> simulators, Clock clock) {
        this.runtime = runtime;
        this.simulators = simulators;
        this.clock = clock;
    }

    /**
     * @param candidateFiles files replacing their counterparts in the live rules (paths relative to rules/)
     * @param days cases received in the last {@code days} days are replayed
     */
    public Result simulate(Map<String, byte[]> candidateFiles, int days) {
        var current = runtime.current();
        var candidateAll = new java.util.TreeMap<>(current.files());
        candidateAll.putAll(candidateFiles);
        var verified = RuleVerifier.verify(candidateAll, runtime.cache(), current, runtime.maxFirings());
        var validation = new RuleValidation.Report(verified.ok(), RuleCompiler.version(candidateAll),
                List.copyOf(candidateFiles.keySet()), verified.problems(), verified.examples());
        if (verified.ruleSet() == null) throw new CandidateRefused(validation);
        var candidate = verified.ruleSet();
        var changed = new TreeSet<String>();
        for (var name : new TreeSet<>(candidate.packages())) {
            var before = current.find(name);
            if (before.isEmpty() || !before.get().codeHash().equals(candidate.rulePackage(name).codeHash())) changed.add(name);
        }
        current.packages().stream().filter(p -> !candidate.has(p)).forEach(changed::add);
        var report = new SimulationReport();
        var scope = new RuleSimulator.Scope(OffsetDateTime.now(clock).minusDays(days), LocalDate.now(clock), days);
        var covered = new TreeSet<String>();
        for (var simulator : simulators) {
            covered.addAll(simulator.rulePackages());
            boolean applies = simulator.rulePackages().stream().anyMatch(changed::contains)
                    && simulator.rulePackages().stream().allMatch(p -> current.has(p) && candidate.has(p));
            if (applies) simulator.simulate(current, candidate, scope, report);
        }
        var notSimulated = new TreeSet<>(changed);
        notSimulated.removeAll(covered);
        if (!notSimulated.isEmpty()) {
            report.section("notSimulated", Map.of("packages", notSimulated,
                    "why", "no simulation is registered for these packages' decisions"));
        }
        var changes = report.changes();
        return new Result(current.version(), validation, changed, days, new LinkedHashMap<>(report.sections()),
                changes.size(), List.copyOf(changes.subList(0, Math.min(CHANGES_SHOWN, changes.size()))), report.csv());
    }
}
