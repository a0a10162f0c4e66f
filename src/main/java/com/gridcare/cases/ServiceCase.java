package com.gridcare.cases;

import java.time.OffsetDateTime;

/**
 * A case as GridCare keeps it beside its process instance: what the customer asked for, and where
 * the process has got to (stage, group, assignee, status, outcome, highest escalation level).
 */
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
        OffsetDateTime closedAt,
        String assignee,
        int escalationLevel,
        OffsetDateTime withdrawalRequestedAt) {

    /** A new case as an intake registers it: nobody assigned, never escalated, no withdrawal asked. */
    public ServiceCase(String id, CaseKind kind, String customerId, Channel channel, String category,
            String description, String contactPhone, OffsetDateTime occurredAt, OffsetDateTime receivedAt,
            String processInstanceId, CaseStatus status, String stage, String tier, String assignedGroup,
            Integer priority, String outcome, OffsetDateTime closedAt) {
        this(id, kind, customerId, channel, category, description, contactPhone, occurredAt, receivedAt,
                processInstanceId, status, stage, tier, assignedGroup, priority, outcome, closedAt, null, 0, null);
    }

    public boolean isOpen() {
        return status == CaseStatus.OPEN;
    }

    public boolean withdrawalRequested() {
        return withdrawalRequestedAt != null;
    }
}
