package com.gridcare.rules;

import java.util.List;

/** The outcome of one decision, as recorded in the decision log. */
public record Decision<T>(String id, String kind, String ruleVersion, List<String> firedRules, T output) {
}
