package com.gridcare.rules.runtime;

import java.util.List;

/**
 * The outcome of one decision, as recorded in the decision log.
 *
 * @param firedRules the rules that fired, as "row 4 'BILLING, KEY/STRATEGIC'" or "rule '…'"
 * @param explanation the why in one sentence
 */
public record Decision<T>(String id, String kind, String ruleVersion, List<String> firedRules, T output,
        String explanation) {
}
