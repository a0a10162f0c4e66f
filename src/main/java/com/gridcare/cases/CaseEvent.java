package com.gridcare.cases;

import java.time.OffsetDateTime;

/** One entry of a case's history; customer-visible entries are what the customer and channels see. */
public record CaseEvent(
        long id,
        String caseId,
        OffsetDateTime occurredAt,
        CaseEventType type,
        boolean customerVisible,
        String stage,
        String textEn,
        String textZh,
        String actor,
        String taskId) {
}
