package com.gridcare.cases;

import java.time.OffsetDateTime;

/** A case as GridCare keeps it beside its process instance. */
public record ServiceCase(
        String id,
        CaseKind kind,
        String customerId,
        Channel channel,
        String category,
        String description,
        String contactPhone,
        OffsetDateTime occurredAt,
        OffsetDateTime receivedAt,
        String processInstanceId,
        CaseStatus status,
        String stage,
        String tier,
        String assignedGroup,
        Integer priority,
        String outcome,
        OffsetDateTime closedAt) {
}
