package com.gridcare.kernel.process;

/** What every case process ({@code complaint-handling}, {@code service-request}) keeps. */
public final class CaseVariables {

    public static final String CASE_ID = "caseId";
    public static final String CUSTOMER_ID = "customerId";
    /** The customer's tier (Tasklist filter "Key accounts"). */
    public static final String TIER = "tier";
    /** The group and priority of the case's tasks (routing rules; a reopened complaint's priority is raised). */
    public static final String ASSIGNED_GROUP = "assignedGroup";
    public static final String PRIORITY = "priority";
    /** A complaint's category or a service request's type: the gateway choosing the type's work reads it. */
    public static final String CATEGORY = "category";
    /** Set (true) once any escalation fired on the case (Tasklist filter "Escalated"); absent before. */
    public static final String ESCALATED = "escalated";
    /** Set (true) once the regulatory-risk alarm fired (Tasklist filter "Regulatory risk"); absent before. */
    public static final String REGULATORY_RISK = "regulatoryRisk";
    /** Set (true) while the case waits for the customer (Tasklist filter "Waiting for customer"); absent otherwise. */
    public static final String WAITING_FOR_CUSTOMER = "waitingForCustomer";

    private CaseVariables() {
    }
}
