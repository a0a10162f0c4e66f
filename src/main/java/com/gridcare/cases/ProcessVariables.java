package com.gridcare.cases;

import java.util.Set;

/**
 * Names of the variables GridCare's processes use. A process keeps only references and what its
 * gateways, timers, task assignment and the Tasklist filters read ({@link #KEPT}); what staff enter and
 * what the steps decide is in the case record, and forms get their context from there when they are
 * opened. Never phone numbers, ID numbers or addresses.
 */
public final class ProcessVariables {

    // ---------------------------------------------------------------- kept by the processes
    public static final String CASE_ID = "caseId";
    public static final String CUSTOMER_ID = "customerId";
    /** The customer's tier (Tasklist filter "Key accounts"). */
    public static final String TIER = "tier";
    /** The group and priority of the case's tasks (routing rules; a reopened complaint's priority is raised). */
    public static final String ASSIGNED_GROUP = "assignedGroup";
    public static final String PRIORITY = "priority";
    /** The group doing site work on a connection (routing rules). */
    public static final String SITE_WORK_GROUP = "siteWorkGroup";
    /** A service request's type: the gateway choosing the type's work reads it. */
    public static final String CATEGORY = "category";
    /** Voltage of a connection requested (kV): a gateway sends 10 kV and more to the supply plan. */
    public static final String VOLTAGE_KV = "voltageKv";
    /** Outage repair: whether the SLA catalogue gives a restoration target for the area (a gateway reads it). */
    public static final String RESTORATION_TARGET = "restorationTarget";

    /** Set (true) once any escalation fired on the case (Tasklist filter "Escalated"); absent before. */
    public static final String ESCALATED = "escalated";
    /** Set (true) once the regulatory-risk alarm fired (Tasklist filter "Regulatory risk"); absent before. */
    public static final String REGULATORY_RISK = "regulatoryRisk";
    /** Set (true) while the case waits for the customer (Tasklist filter "Waiting for customer"); absent otherwise. */
    public static final String WAITING_FOR_CUSTOMER = "waitingForCustomer";

    /** The survey's id, also the business key of its survey-follow-up instance. */
    public static final String SURVEY_ID = "surveyId";
    /** The customer's score, 1 to 5, set when the answer arrives (the gateway after it reads it). */
    public static final String SURVEY_SCORE = "surveyScore";

    /** key-account-review: the STRATEGIC and KEY customers to review this quarter, and the quarter ("2026-Q4"). */
    public static final String KEY_ACCOUNTS = "keyAccounts";
    public static final String REVIEW_QUARTER = "reviewQuarter";

    /** contract-renewal: the contract (also the business key) and the group that holds its conversations. */
    public static final String CONTRACT_ID = "contractId";
    public static final String OWNING_GROUP = "owningGroup";
    /** contract-renewal: true when the contract ended without a decision (the gateway to the supervisors reads it). */
    public static final String CONTRACT_EXPIRED = "contractExpired";

    /** The variables a process may keep between its steps; anything else a task's form submits is not stored. */
    public static final Set<String> KEPT = Set.of(CASE_ID, CUSTOMER_ID, TIER, ASSIGNED_GROUP, PRIORITY,
            SITE_WORK_GROUP, CATEGORY, VOLTAGE_KV, RESTORATION_TARGET, ESCALATED, REGULATORY_RISK,
            WAITING_FOR_CUSTOMER, SURVEY_ID, SURVEY_SCORE, KEY_ACCOUNTS, REVIEW_QUARTER,
            CONTRACT_ID, OWNING_GROUP, CONTRACT_EXPIRED);

    // ---------------------------------------------------------------- handed to the next gateway (transient)
    /** True when no document is missing (service requests, read by the gateway after "Check documents"). */
    public static final String REQUEST_COMPLETE = "requestComplete";
    /** True when the suppression rules decided not to survey. */
    public static final String SURVEY_SUPPRESSED = "surveySuppressed";

    // ---------------------------------------------------------------- input parameters of steps
    /** Input parameter of {@code ${closeCase}}: a {@link CaseOutcome} name. */
    public static final String CASE_OUTCOME = "caseOutcome";
    /** Input parameter of {@code ${notifyCustomer}}: the template to send. */
    public static final String NOTIFICATION_TEMPLATE = "notificationTemplate";
    /** Input parameter of {@code ${notifyCustomer}}: which occurrence (a reopen count, a reminder number). */
    public static final String NOTIFICATION_STEP = "notificationStep";

    private ProcessVariables() {
    }
}
