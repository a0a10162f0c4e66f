package com.gridcare.servicerequest;

import java.time.OffsetDateTime;

/** The answer to a registered service request: the case number, what the rules decided, when it is due. */
public record ServiceRequestReceipt(String caseId, String processInstanceId, String tier, Integer priority,
        String assignedGroup, OffsetDateTime dueAt) {
}
