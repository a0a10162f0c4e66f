package com.gridcare.rules.authoring;

import java.util.List;

/** Rule files that cannot be published: each problem names the file and where in it. */
public class RuleBuildException extends RuntimeException {

    private final List<RuleProblem> problems;

    public RuleBuildException(List<RuleProblem> problems) {
        super("rules refused:\n  " + String.join("\n  ", problems.stream().map(RuleProblem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
