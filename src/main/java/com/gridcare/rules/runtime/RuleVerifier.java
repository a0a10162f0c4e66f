package com.gridcare.rules.runtime;

import com.gridcare.rules.authoring.RuleBuildException;
import com.gridcare.rules.authoring.RuleProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * What publishing requires of a candidate rule set: it compiles, and every package's examples
 * pass and cover every table row both ways. Used by start-up, the folder watch, the API and the
 * command line alike.
 */
public final class RuleVerifier {

    /** The candidate, compiled when it could be, with every problem and each package's examples report. */
    public record Result(RuleSet ruleSet, List<RuleProblem> problems, List<ExampleSummary> examples) {
        public boolean ok() {
            return ruleSet != null && problems.isEmpty();
        }
    }

    /** How a package's examples went. */
    public record ExampleSummary(String rulePackage, int examples, int passed, boolean batchSafe) {}

    private RuleVerifier() {
    }

    public static Result verify(Map<String, byte[]> files, RuleModuleCache cache, RuleSet reuse, int maxFirings) {
        RuleSet ruleSet;
        try {
            ruleSet = RuleCompiler.compile(files, cache, reuse);
        } catch (RuleBuildException e) {
            return new Result(null, e.problems(), List.of());
        }
        var problems = new ArrayList<RuleProblem>();
        var summaries = new ArrayList<ExampleSummary>();
        var batchSafe = new HashSet<String>();
        for (var rulePackage : ruleSet.rulePackages().values()) {
            var report = ExampleRunner.run(rulePackage, maxFirings);
            problems.addAll(report.problems());
            summaries.add(new ExampleSummary(report.rulePackage(), report.examples(), report.passed(), report.batchSafe()));
            if (report.batchSafe()) batchSafe.add(rulePackage.name());
        }
        summaries.sort(java.util.Comparator.comparing(ExampleSummary::rulePackage));
        return new Result(ruleSet.withBatchSafe(batchSafe), List.copyOf(problems), List.copyOf(summaries));
    }
}
