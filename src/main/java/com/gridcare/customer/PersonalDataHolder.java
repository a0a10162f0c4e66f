package com.gridcare.customer;

import java.util.List;
import java.util.Map;

/**
 * A feature that keeps something about customers beyond their master data (cases, messages, the
 * record of the work). An erasure asks each one for the personal values it has and then has each
 * replace every personal value of the customer in what it keeps, in the erasure's transaction.
 */
public interface PersonalDataHolder {

    /** Personal values the feature has besides the master data, e.g. a phone number given with a case. */
    default List<String> personalValues(String customerId) {
        return List.of();
    }

    /**
     * Replaces each of the values wherever the feature keeps them about the customer.
     *
     * @return rows changed, by place ("case_step", "process_variables"…)
     */
    Map<String, Integer> erase(String customerId, List<String> values, String replacement);
}
