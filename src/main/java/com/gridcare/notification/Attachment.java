package com.gridcare.notification;

/** A document sent with an e-mail: its file name, media type and content. */
public record Attachment(String fileName, String contentType, byte[] content) {
}
