package com.gridcare.notification;

import com.gridcare.customer.PreferredChannel;

/**
 * A message on its way out. {@code id} is the outbox row's id, the idempotency key towards the
 * gateway. The contact data are the customer's as they are now; senders log them masked only.
 */
public record OutgoingNotification(
        String id,
        String caseId,
        String template,
        PreferredChannel channel,
        String customerId,
        String phone,
        String email,
        String subject,
        String body,
        Attachment attachment) {

    public OutgoingNotification(String id, String caseId, String template, PreferredChannel channel, String customerId,
            String phone, String email, String subject, String body) {
        this(id, caseId, template, channel, customerId, phone, email, subject, body, null);
    }

    @Override
    public String toString() {
        return "OutgoingNotification[" + id + ", case " + caseId + ", " + template + " by " + channel + "]";
    }
}
