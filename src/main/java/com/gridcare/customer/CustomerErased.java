package com.gridcare.customer;

import java.util.List;
import java.util.Map;

/**
 * Published inside the erasure's transaction: features that keep free text about the customer in
 * their own tables replace {@code personalValues} there with {@link CustomerErasure#ERASED} and add
 * their count of changed rows to {@code rows} (the erasure's report).
 */
public record CustomerErased(String customerId, List<String> personalValues, Map<String, Integer> rows) {
}
