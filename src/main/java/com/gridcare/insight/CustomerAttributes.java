package com.gridcare.insight;

import java.util.Collection;
import java.util.Map;

/**
 * What a drill-down shows of the customers behind a figure of customers (a tier move, an offer granted): the
 * tier, class and area, never personal data. Answered by the customer feature.
 */
public interface CustomerAttributes {

    record Attributes(String customerId, String tier, String customerClass, String area) {}

    /** The customers with these ids; unknown ids are left out. */
    Map<String, Attributes> of(Collection<String> customerIds);
}
