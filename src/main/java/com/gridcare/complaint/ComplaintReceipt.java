package com.gridcare.complaint;

import java.time.OffsetDateTime;

/** The answer to a registered complaint: the case number and what the rules decided. */
public record ComplaintReceipt(String caseId, String processInstanceId, String tier, Integer priority,
        String assignedGroup, OffsetDateTime firstContactDueAt, OffsetDateTime resolutionDueAt) {
}
