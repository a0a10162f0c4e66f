package com.gridcare.servicerequest;

import java.time.OffsetDateTime;

/**
 * The answer to a registered service request: the case number, what the rules decided, when it is
 * due. A repair request from inside a known outage is linked to it instead of dispatched:
 * {@code outageId} and its {@code expectedRestorationAt} say so (no due date then: no crew is sent).
 */
public record ServiceRequestReceipt(String caseId, String processInstanceId, String tier, Integer priority,
        String assignedGroup, OffsetDateTime dueAt, String outageId, OffsetDateTime expectedRestorationAt) {
}
