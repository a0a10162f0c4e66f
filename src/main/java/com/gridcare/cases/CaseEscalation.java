package com.gridcare.cases;

import java.time.OffsetDateTime;

/** An escalation recorded on a case: its level on the ladder, its kind, when, to whom, and the task it raised. */
public record CaseEscalation(
        long id,
        String caseId,
        int level,
        EscalationKind kind,
        OffsetDateTime escalatedAt,
        String escalatedTo,
        String taskId,
        String activityId) {
}
