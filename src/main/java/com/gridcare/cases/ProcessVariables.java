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

    // service requests
    /** True for a request GridCare opened itself (a meter test after a consumption jump). */
    public static final String PROACTIVE = "proactive";
    /** The group doing site work on a connection (routing rules). */
    public static final String SITE_WORK_GROUP = "siteWorkGroup";
    /** Voltage of the connection requested (kV), for connections and capacity changes. */
    public static final String VOLTAGE_KV = "voltageKv";
    /** SINGLE or DUAL supply requested. */
    public static final String SUPPLY = "supply";
    /** URBAN, RURAL or REMOTE: where an outage is. */
    public static final String AREA = "area";
    /** The month whose consumption jumped (proactive meter tests), e.g. 2026-10. */
    public static final String MONTH = "month";
    /** The customer's phone, masked (138****5678), for forms. */
    public static final String CONTACT_MASKED = "contactMasked";
    /** True when no document is missing. */
    public static final String REQUEST_COMPLETE = "requestComplete";
    /** The missing documents in words, for forms and the customer. */
    public static final String MISSING_DOCUMENTS = "missingDocuments";
    /** How often documents were asked for (the notification step of each request and reminder). */
    public static final String DOCUMENT_ROUND = "documentRound";
    /** When the customer's answer must be in: a request's missing documents, a survey's answer. */
    public static final String ANSWER_BY = "answerBy";
    /** What the customer wrote with their documents. */
    public static final String CUSTOMER_ANSWER = "customerAnswer";
    /** The due date the customer was promised. */
    public static final String DUE_AT = "dueAt";
    /** Outage repair: when the crew must be on site, and when supply must be back. */
    public static final String ARRIVAL_BY = "arrivalBy";
    public static final String RESTORE_BY = "restoreBy";
    /** Outage repair: whether the SLA catalogue gives a restoration target for the area. */
    public static final String RESTORATION_TARGET = "restorationTarget";
    public static final String RESTORED_AT = "restoredAt";
    /** The result of a request in the customer's words (confirmation form), sent with the completion notice. */
    public static final String RESULT = "result";

    /** Input parameter of {@code ${closeCase}}: a {@link CaseOutcome} name. */
    public static final String CASE_OUTCOME = "caseOutcome";
    /** Input parameter of {@code ${notifyCustomer}}: the template to send. */
    public static final String NOTIFICATION_TEMPLATE = "notificationTemplate";
    /** Input parameter of {@code ${notifyCustomer}}: which occurrence (a reopen count, a reminder number). */
    public static final String NOTIFICATION_STEP = "notificationStep";

    // --- survey-follow-up ---------------------------------------------------------------------
    /** The survey's id, also the business key of its survey-follow-up instance. */
    public static final String SURVEY_ID = "surveyId";
    /** True when the suppression rules decided not to survey. */
    public static final String SURVEY_SUPPRESSED = "surveySuppressed";
    public static final String SUPPRESSION_REASON = "suppressionReason";
    /** The customer's answer, set when it arrives: score 1 to 5 and the comment. */
    public static final String SURVEY_SCORE = "surveyScore";
    public static final String SURVEY_COMMENT = "surveyComment";
    /** The reply code and link of the invitation, and when the reminder is due (the expiry: ANSWER_BY). */
    public static final String REPLY_CODE = "replyCode";
    public static final String SURVEY_LINK = "surveyLink";
    public static final String REMIND_AT = "remindAt";
    /** Points credited for the answer (0 when the yearly limit was reached). */
    public static final String REWARD_POINTS = "rewardPoints";

    // --- key-account-review -------------------------------------------------------------------
    /** The STRATEGIC and KEY customers to review this quarter, and the quarter ("2026-Q4"). */
    public static final String KEY_ACCOUNTS = "keyAccounts";
    public static final String REVIEW_QUARTER = "reviewQuarter";

    private ProcessVariables() {
    }
}
