package com.gridcare.notification;

/**
 * Names of the customer message templates in {@code notifications/templates.yaml}, for Java callers
 * and as the value of the {@code notificationTemplate} input parameter of {@code ${notifyCustomer}}.
 * The placeholders each template needs besides {@code caseId} are listed with it.
 */
public final class NotificationTemplate {

    /** complaint received: {@code replyBy} */
    public static final String ACKNOWLEDGEMENT = "ACKNOWLEDGEMENT";
    /** first contact made, investigation running: {@code replyBy} */
    public static final String INVESTIGATION_STARTED = "INVESTIGATION_STARTED";
    /** customer not satisfied, case reopened: {@code replyBy} */
    public static final String CASE_REOPENED = "CASE_REOPENED";
    /** the result: {@code resolution} */
    public static final String RESOLUTION = "RESOLUTION";
    /** goodwill or compensation approved: {@code compensation} */
    public static final String COMPENSATION_APPROVED = "COMPENSATION_APPROVED";
    /** resolution clock breached, points credited: {@code points} */
    public static final String SERVICE_RECOVERY_REWARD = "SERVICE_RECOVERY_REWARD";
    /** case closed, survey to follow: {@code closedAt} (from the closed case) */
    public static final String CLOSING_FEEDBACK = "CLOSING_FEEDBACK";
    /** customer withdrew: {@code closedAt} (from the withdrawn case) */
    public static final String WITHDRAWAL_CONFIRMED = "WITHDRAWAL_CONFIRMED";
    /** service request received: {@code dueAt} */
    public static final String REQUEST_RECEIVED = "REQUEST_RECEIVED";
    /** documents missing: {@code documents}, {@code answerBy} */
    public static final String DOCUMENTS_MISSING = "DOCUMENTS_MISSING";
    /** reminder for missing documents: {@code documents}, {@code answerBy} */
    public static final String DOCUMENTS_REMINDER = "DOCUMENTS_REMINDER";
    /** request closed for missing documents */
    public static final String REQUEST_EXPIRED = "REQUEST_EXPIRED";
    /** outage repair: {@code arrivalBy} */
    public static final String CREW_DISPATCHED = "CREW_DISPATCHED";
    /** outage repair: {@code restoreBy} */
    public static final String CREW_ARRIVED = "CREW_ARRIVED";
    /** outage repair: {@code restoredAt} */
    public static final String SUPPLY_RESTORED = "SUPPLY_RESTORED";
    /** proactive meter test after a consumption jump: {@code month} */
    public static final String METER_TEST_PROPOSED = "METER_TEST_PROPOSED";
    /** service request done: {@code closedAt} (from the closed case), {@code result} */
    public static final String REQUEST_COMPLETED = "REQUEST_COMPLETED";

    // outages (issue 23); {@code outageId} comes with every one of them
    /** planned or temporary outage announced: {@code reason}, {@code startsAt}, {@code expectedRestorationAt} */
    public static final String OUTAGE_PLANNED_NOTICE = "OUTAGE_PLANNED_NOTICE";
    /** unplanned outage known: {@code reason}, {@code expectedRestorationAt} */
    public static final String OUTAGE_UNPLANNED_NOTICE = "OUTAGE_UNPLANNED_NOTICE";
    /** a new restoration estimate: {@code expectedRestorationAt} */
    public static final String OUTAGE_NEW_ESTIMATE = "OUTAGE_NEW_ESTIMATE";
    /** supply back after an outage: {@code restoredAt} */
    public static final String OUTAGE_RESTORED = "OUTAGE_RESTORED";
    /** a repair request or complaint linked to a known outage: {@code expectedRestorationAt} */
    public static final String OUTAGE_REPORT_LINKED = "OUTAGE_REPORT_LINKED";

    // surveys (survey-follow-up)
    /** survey invitation: {@code surveyLink}, {@code replyCode}, {@code answerBy} */
    public static final String SURVEY_INVITATION = "SURVEY_INVITATION";
    /** survey reminder: {@code surveyLink}, {@code replyCode}, {@code answerBy} */
    public static final String SURVEY_REMINDER = "SURVEY_REMINDER";
    /** score 4 or 5 */
    public static final String SURVEY_THANK_YOU = "SURVEY_THANK_YOU";
    /** the approved plan after a score of 1 or 2: {@code improvementPlan} */
    public static final String IMPROVEMENT_PLAN = "IMPROVEMENT_PLAN";

    // relationship programmes: no case, sent only with consent
    /** survey campaign invitation: {@code campaignName}, {@code surveyLink}, {@code replyCode}, {@code answerBy} */
    public static final String CAMPAIGN_INVITATION = "CAMPAIGN_INVITATION";
    /** survey campaign reminder: same values as the invitation */
    public static final String CAMPAIGN_REMINDER = "CAMPAIGN_REMINDER";
    /**
     * personal usage report: {@code period}, {@code kwh}, {@code changeLastYear}, {@code changeClassMedian},
     * {@code advice}
     */
    public static final String USAGE_REPORT = "USAGE_REPORT";

    private NotificationTemplate() {
    }
}
