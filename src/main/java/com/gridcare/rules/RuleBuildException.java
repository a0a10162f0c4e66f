package com.gridcare.rules;

import java.util.List;

/** Rule files that do not compile; each problem names the file and where in it. */
public class RuleBuildException extends RuntimeException {

    /** One compiler message: the file (relative to rules/), line or row, column, and the text. */
    public record Problem(String file, int line, int column, String message) {
        @Override
        public String toString() {
            var where = line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "";
            return file + where + ": " + message;
        }
    }

    private final List<Problem> problems;

    public RuleBuildException(List<Problem> problems) {
        super("rules do not compile:\n  " + String.join("\n  ", problems.stream().map(Problem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
