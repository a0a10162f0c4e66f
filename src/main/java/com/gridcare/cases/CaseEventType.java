package com.gridcare.cases;

/** What happened to a case (the {@code case_event} table). */
public enum CaseEventType {
    RECEIVED,
    STAGE_CHANGED,
    TASK_CREATED,
    TASK_ASSIGNED,
    TASK_COMPLETED,
    TASK_CANCELLED,
    ESCALATED,
    NOTIFICATION,
    CONTACT_ATTEMPT,
    REOPENED,
    WITHDRAWAL_REQUESTED,
    WITHDRAWN,
    CLOSED
}
