package com.gridcare.contact;

import com.gridcare.cases.Channel;
import java.time.OffsetDateTime;

/** A registered contact: {@code CON-2026-000123}; the case it opened, if any. */
public record Contact(String id, String customerId, Channel channel, ContactKind kind, String summary, String caseId,
        String registeredBy, OffsetDateTime registeredAt) {
}
