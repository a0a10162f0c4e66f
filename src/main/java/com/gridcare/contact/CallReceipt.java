package com.gridcare.contact;

import com.gridcare.complaint.ComplaintReceipt;
import com.gridcare.servicerequest.ServiceRequestReceipt;
import java.time.OffsetDateTime;

/**
 * The answer to a registered call: what to read to the caller (the case number and the date they
 * will hear the result by), and the intake's own answer for a complaint or service request.
 */
record CallReceipt(String contactId, String customerId, ContactKind kind, String caseId, OffsetDateTime replyBy,
        String registeredBy, OffsetDateTime registeredAt, ComplaintReceipt complaint,
        ServiceRequestReceipt serviceRequest) {
}
