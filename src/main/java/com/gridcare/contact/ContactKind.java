package com.gridcare.contact;

/**
 * What a customer's call or message was. Enquiries, suggestions and praise need no process; a
 * complaint or a service request opens a case through its intake.
 */
public enum ContactKind {
    ENQUIRY, SUGGESTION, PRAISE, COMPLAINT, SERVICE_REQUEST;

    public boolean opensCase() {
        return this == COMPLAINT || this == SERVICE_REQUEST;
    }
}
