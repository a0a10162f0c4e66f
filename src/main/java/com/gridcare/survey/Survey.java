package com.gridcare.survey;

import java.time.OffsetDateTime;

/** A satisfaction survey about one closed case. */
public record Survey(String id, String caseId, String customerId, String processInstanceId, String channel,
        String category, String owningGroup, String replyCode, SurveyStatus status, String suppressionReason,
        OffsetDateTime invitedAt, OffsetDateTime expiresAt, OffsetDateTime answeredAt, Integer score, String comment,
        String improvementPlan, OffsetDateTime planSentAt) {
}
