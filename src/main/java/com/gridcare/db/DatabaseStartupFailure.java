package com.gridcare.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** GridCare's database cannot be used at start-up: what is wrong (with the URL) and what to do. */
public class DatabaseStartupFailure extends RuntimeException {

    private final String url;
    private final String problem;
    private final String action;

    DatabaseStartupFailure(String url, String problem, String action) {
        super(problem + ": " + action);
        this.url = url;
        this.problem = problem;
        this.action = action;
    }

    public String url() {
        return url;
    }

    public String problem() {
        return problem;
    }

    public String action() {
        return action;
    }

    /** Spring Boot's start-up failure report shows the sentence instead of a stack trace. */
    public static class Analyzer extends AbstractFailureAnalyzer<DatabaseStartupFailure> {

        @Override
        protected FailureAnalysis analyze(Throwable root, DatabaseStartupFailure cause) {
            return new FailureAnalysis(cause.problem() + ".",
                    Character.toUpperCase(cause.action().charAt(0)) + cause.action().substring(1) + ".", cause);
        }
    }
}
