package com.gridcare.outage;

import java.time.OffsetDateTime;
import java.util.List;

/** An outage as GridCare keeps it; {@code notices} counts its queued messages per step and status. */
public record Outage(
        String id,
        OutageKind kind,
        List<String> feeders,
        List<String> transformerAreas,
        String reason,
        OffsetDateTime startsAt,
        OffsetDateTime expectedRestorationAt,
        int estimateRevision,
        OffsetDateTime restoredAt,
        OutageStatus status,
        OffsetDateTime registeredAt,
        String registeredBy,
        OffsetDateTime noticeDeadline,
        boolean notifiedOnTime,
        String overrideBy,
        String overrideReason,
        int affectedCustomers,
        String processInstanceId) {
}
