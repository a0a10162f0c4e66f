package com.gridcare.customer;



import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What the customer feature needs to know about a customer's cases, answered by the feature that keeps
 * them: how often customers contacted the utility, as the customer rules count it, and their open cases.
 */
public interface CustomerCases {

    /** Contacts since a moment: all, by app or web, and billing complaints. */
    record Counts(int contacts, int digital, int billingComplaints) {
        public static final Counts NONE = new Counts(0, 0, 0);
    }

    /** The counts of each customer that has any (customers without contacts are left out). */
    Map<String, Counts> contactsSince(Collection<String> customerIds, OffsetDateTime since);

    /** {@link #contactsSince} of every customer whose id lies between {@code firstId} and {@code lastId}. */
    Map<String, Counts> contactsBetween(String firstId, String lastId, OffsetDateTime since);

    /** A case of the customer that is not closed yet. */
    record OpenCase(String caseId, String kind, String category, String stage, OffsetDateTime receivedAt) {}

    /** The customer's open cases, oldest first. */
    List<OpenCase> open(String customerId);
}
