package com.gridcare.notification;

import com.gridcare.consent.MessagePurpose;
import com.gridcare.customer.PreferredChannel;
import java.time.OffsetDateTime;

/** A row of the outbox as callers and tests see it. {@code status}: PENDING, SENT, FAILED or WITHHELD (consent withdrawn before it went out). */
public record QueuedNotification(
        String id,
        String caseId,
        String template,
        String step,
        PreferredChannel channel,
        String status,
        int attempts,
        String subject,
        String body,
        OffsetDateTime createdAt,
        OffsetDateTime nextAttemptAt,
        OffsetDateTime sentAt,
        String sender,
        String lastError,
        String customerId,
        String topic,
        MessagePurpose purpose,
        String attachmentRef) {
}
