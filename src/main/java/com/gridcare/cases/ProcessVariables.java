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

    /** True once any escalation fired on the case (Tasklist filter "Escalated"). */
    public static final String ESCALATED = "escalated";
    /** True once the regulatory-risk alarm fired (Tasklist filter "Regulatory risk"). */
    public static final String REGULATORY_RISK = "regulatoryRisk";
    /** True while the case waits for the customer (Tasklist filter "Waiting for customer"). */
    public static final String WAITING_FOR_CUSTOMER = "waitingForCustomer";

    // complaint-handling (the fields its forms capture are in complaint.ComplaintFields)
    /** The case's contact attempts so far, one line each, for the next form. */
    public static final String CONTACT_ATTEMPTS = "contactAttempts";
    /** How often the customer's "not resolved" reopened the complaint (at most twice). */
    public static final String REOPEN_COUNT = "reopenCount";
    /** Points credited for a breached resolution clock. */
    public static final String SERVICE_RECOVERY_POINTS = "serviceRecoveryPoints";

    /** Input parameter of {@code ${closeCase}}: a {@link CaseOutcome} name. */
    public static final String CASE_OUTCOME = "caseOutcome";
    /** Input parameter of {@code ${notifyCustomer}}: the template to send. */
    public static final String NOTIFICATION_TEMPLATE = "notificationTemplate";
    /** Input parameter of {@code ${notifyCustomer}}: which occurrence (a reopen count, a reminder number). */
    public static final String NOTIFICATION_STEP = "notificationStep";

    private ProcessVariables() {
    }
}
