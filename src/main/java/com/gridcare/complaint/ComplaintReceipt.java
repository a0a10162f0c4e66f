package com.gridcare.complaint;

import java.time.OffsetDateTime;

/**
 * The answer to a registered complaint: the case number and what the rules decided. A supply
 * interruption inside a known outage is linked to it: {@code outageId} and its
 * {@code expectedRestorationAt} say when supply should be back.
 */
public record ComplaintReceipt(String caseId, String processInstanceId, String tier, Integer priority,
        String assignedGroup, OffsetDateTime firstContactDueAt, OffsetDateTime resolutionDueAt, String outageId,
        OffsetDateTime expectedRestorationAt) {
}
