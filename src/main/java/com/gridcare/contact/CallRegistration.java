package com.gridcare.contact;

import com.gridcare.api.InvalidFieldException;
import com.gridcare.api.NotFoundException;
import com.gridcare.cases.CaseIntake;
import com.gridcare.complaint.ComplaintIntake;
import com.gridcare.complaint.ComplaintRequest;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.servicerequest.ServiceRequestBody;
import com.gridcare.servicerequest.ServiceRequestIntake;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers what a customer called or wrote about: a complaint or service request through the same
 * intake as the channel API (rules, clocks, acknowledgement), or a contact that needs no process.
 * Either way the contact is recorded with who registered it, in the same transaction as the case.
 */
@Service
class CallRegistration {

    private static final int SUMMARY_MAX = 2000;

    private final Contacts contacts;
    private final CustomerRepository customers;
    private final ComplaintIntake complaints;
    private final ServiceRequestIntake serviceRequests;

    CallRegistration(Contacts contacts, CustomerRepository customers, ComplaintIntake complaints,
            ServiceRequestIntake serviceRequests) {
        this.contacts = contacts;
        this.customers = customers;
        this.complaints = complaints;
        this.serviceRequests = serviceRequests;
    }

    /** A contact that needs no process: an enquiry, a suggestion or praise. */
    @Transactional(propagation = Propagation.MANDATORY)
    Contact contact(ContactRequest request, String by) {
        if (request.kind().opensCase()) {
            throw new InvalidFieldException("kind", "must be ENQUIRY, SUGGESTION or PRAISE; a " + request.kind()
                    + " is registered through its intake (POST /api/v1/complaints, /service-requests or /calls)");
        }
        CaseIntake.requireChannelSystem(request.channel());
        requireCustomer(request.customerId());
        return contacts.record(request.customerId(), request.channel(), request.kind(), request.summary().strip(),
                null, by);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    CallReceipt register(CallRequest call, String by) {
        CaseIntake.requireChannelSystem(call.channel());
        requireOnly(call);
        return switch (call.kind()) {
            case COMPLAINT -> complaint(call, by);
            case SERVICE_REQUEST -> serviceRequest(call, by);
            default -> {
                requireCustomer(call.customerId());
                var contact = contacts.record(call.customerId(), call.channel(), call.kind(), call.summary().strip(),
                        null, by);
                yield new CallReceipt(contact.id(), contact.customerId(), contact.kind(), null, null, by,
                        contact.registeredAt(), null, null);
            }
        };
    }

    private CallReceipt complaint(CallRequest call, String by) {
        var part = call.complaint();
        var receipt = complaints.register(new ComplaintRequest(call.customerId(), call.channel(), part.category(),
                part.description(), part.contactPhone(), part.occurredAt()));
        var contact = contacts.record(call.customerId(), call.channel(), ContactKind.COMPLAINT,
                summary(call.summary(), part.description()), receipt.caseId(), by);
        return new CallReceipt(contact.id(), call.customerId(), ContactKind.COMPLAINT, receipt.caseId(),
                receipt.resolutionDueAt(), by, contact.registeredAt(), receipt, null);
    }

    private CallReceipt serviceRequest(CallRequest call, String by) {
        var part = call.serviceRequest();
        com.gridcare.servicerequest.ServiceRequestReceipt receipt;
        try {
            receipt = serviceRequests.register(new ServiceRequestBody(call.customerId(), part.type(), call.channel(),
                    part.details()));
        } catch (InvalidFieldException e) {
            var field = e.field().equals("customerId") || e.field().equals("channel") ? e.field()
                    : "serviceRequest." + e.field();
            throw new InvalidFieldException(field, e.reason());
        }
        var contact = contacts.record(call.customerId(), call.channel(), ContactKind.SERVICE_REQUEST,
                summary(call.summary(), part.type().name()), receipt.caseId(), by);
        return new CallReceipt(contact.id(), call.customerId(), ContactKind.SERVICE_REQUEST, receipt.caseId(),
                receipt.dueAt(), by, contact.registeredAt(), null, receipt);
    }

    /** Each kind carries its own part and no other. */
    private static void requireOnly(CallRequest call) {
        boolean complaint = call.kind() == ContactKind.COMPLAINT;
        boolean request = call.kind() == ContactKind.SERVICE_REQUEST;
        if (complaint != (call.complaint() != null)) {
            throw new InvalidFieldException("complaint", complaint ? "is required for a COMPLAINT"
                    : "is only for kind COMPLAINT");
        }
        if (request != (call.serviceRequest() != null)) {
            throw new InvalidFieldException("serviceRequest", request ? "is required for a SERVICE_REQUEST"
                    : "is only for kind SERVICE_REQUEST");
        }
        if (!complaint && !request && (call.summary() == null || call.summary().isBlank())) {
            throw new InvalidFieldException("summary", "must not be blank for an " + call.kind());
        }
    }

    private void requireCustomer(String customerId) {
        if (!customers.exists(customerId)) {
            throw new NotFoundException("customerId: no customer " + customerId);
        }
    }

    private static String summary(String given, String fallback) {
        var text = given != null && !given.isBlank() ? given.strip() : fallback.strip();
        return text.length() <= SUMMARY_MAX ? text : text.substring(0, SUMMARY_MAX - 1) + "…";
    }
}
