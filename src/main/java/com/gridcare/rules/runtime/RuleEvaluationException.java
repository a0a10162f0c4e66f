package com.gridcare.rules.runtime;

/**
 * A rule failed at run time, or looped past the cap. Never answered with a default: the caller's
 * transaction fails (a job retries and then raises an incident).
 */
public class RuleEvaluationException extends RuntimeException {

    public RuleEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The innermost cause's type and message: what a person needs to find the failing rule. */
    public static String rootMessage(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
