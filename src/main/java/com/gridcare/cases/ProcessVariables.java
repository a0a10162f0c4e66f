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
    /** The reply code and link of the invitation, and when the reminder and the expiry are due. */
    public static final String REPLY_CODE = "replyCode";
    public static final String SURVEY_LINK = "surveyLink";
    public static final String REMIND_AT = "remindAt";
    public static final String ANSWER_BY = "answerBy";
    /** Points credited for the answer (0 when the yearly limit was reached). */
    public static final String REWARD_POINTS = "rewardPoints";

    // --- key-account-review -------------------------------------------------------------------
    /** The STRATEGIC and KEY customers to review this quarter, and the quarter ("2026-Q4"). */
    public static final String KEY_ACCOUNTS = "keyAccounts";
    public static final String REVIEW_QUARTER = "reviewQuarter";

    private ProcessVariables() {
    }
}
