package com.gridcare.cases;

/**
 * Names of the process variables GridCare's processes share with forms, filters and the API. Only
 * ids and the few values routing and forms need; never phone numbers, ID numbers or addresses.
 */
public final class ProcessVariables {

    public static final String CASE_ID = "caseId";
    public static final String CUSTOMER_ID = "customerId";
    public static final String CUSTOMER_NAME = "customerName";
    public static final String CHANNEL = "channel";
    public static final String CATEGORY = "category";
    public static final String TIER = "tier";
    public static final String CUSTOMER_FLAGS = "customerFlags";
    public static final String TIER_REASON = "tierReason";
    public static final String ASSIGNED_GROUP = "assignedGroup";
    public static final String PRIORITY = "priority";
    public static final String ROUTING_REASON = "routingReason";
    public static final String EVALUATION_DECISION_ID = "evaluationDecisionId";
    public static final String ROUTING_DECISION_ID = "routingDecisionId";

    private ProcessVariables() {
    }
}
