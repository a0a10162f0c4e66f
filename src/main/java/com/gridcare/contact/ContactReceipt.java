package com.gridcare.contact;

import java.time.OffsetDateTime;

/** The answer to a registered contact. */
record ContactReceipt(String contactId, String customerId, ContactKind kind, String registeredBy,
        OffsetDateTime registeredAt) {

    static ContactReceipt of(Contact contact) {
        return new ContactReceipt(contact.id(), contact.customerId(), contact.kind(), contact.registeredBy(),
                contact.registeredAt());
    }
}
