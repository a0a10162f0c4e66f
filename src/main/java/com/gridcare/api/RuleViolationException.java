package com.gridcare.api;

/**
 * A well-formed request that a business rule refuses (e.g. a planned outage inside its notice
 * period): 422 naming the rule and the field it concerns.
 */
public class RuleViolationException extends RuntimeException {

    private final String rule;
    private final String field;

    public RuleViolationException(String rule, String field, String message) {
        super(message);
        this.rule = rule;
        this.field = field;
    }

    public String rule() {
        return rule;
    }

    public String field() {
        return field;
    }
}
