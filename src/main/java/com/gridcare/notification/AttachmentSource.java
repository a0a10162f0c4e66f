package com.gridcare.notification;

import java.util.Optional;

/**
 * Makes the document an outbox row refers to ({@code attachment_ref}) when the message is sent, so the
 * outbox keeps a short reference rather than the document. A feature that queues messages with
 * attachments provides one; each answers only the references it made.
 */
public interface AttachmentSource {

    /** The document for {@code ref}, or empty when {@code ref} is not this source's. */
    Optional<Attachment> attachment(String ref);
}
