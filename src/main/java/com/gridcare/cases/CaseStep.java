package com.gridcare.cases;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One step of the case record: who did it (a user, or {@value CaseRecords#SYSTEM}, and the group they
 * worked for), when, at which BPMN element and task, its kind, the typed columns reports read and its
 * whole outcome document. Never changed once written.
 *
 * @param caseId null for work on a customer without a case (the quarterly account review)
 */
public record CaseStep(
        long id,
        String caseId,
        String customerId,
        String processInstanceId,
        StepKind kind,
        String activityId,
        String activityName,
        String taskId,
        String actor,
        String actorGroup,
        OffsetDateTime occurredAt,
        String outcome,
        String rootCause,
        String justified,
        BigDecimal amount,
        Map<String, Object> details) {

    /** A step about to be written: where it happened, who did it, and its outcome document. */
    public record New(String caseId, String customerId, String processInstanceId, StepKind kind, String activityId,
            String activityName, String taskId, String actor, String actorGroup, Map<String, Object> details) {
    }

    /** A field of the outcome document, null when the step has none. */
    public Object value(String field) {
        return details.get(field);
    }

    /** A text field of the outcome document, "" when the step has none. */
    public String text(String field) {
        var value = details.get(field);
        return value == null ? "" : value.toString();
    }
}
