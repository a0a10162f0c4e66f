package com.gridcare.complaint;

/**
 * Keys of the fields the complaint forms capture: the outcome documents of the complaint's steps in
 * the case record ({@link com.gridcare.cases.StepKind}), and what the gateways right after a task read.
 */
public final class ComplaintFields {

    /** "Contact customer": {@code REACHED} or {@code NOT_REACHED}. */
    public static final String CONTACT_OUTCOME = "contactOutcome";
    public static final String CONTACT_NOTE = "contactNote";
    /** "Investigate and resolve": true when the customer must answer a question first. */
    public static final String ASK_CUSTOMER = "askCustomer";
    public static final String CUSTOMER_QUESTION = "customerQuestion";
    public static final String RESOLUTION = "resolution";
    public static final String JUSTIFIED = "justified";
    /** Proposed goodwill or compensation in CNY (0 or absent: none). */
    public static final String COMPENSATION_AMOUNT = "compensationAmount";
    public static final String COMPENSATION_REASON = "compensationReason";
    /** "Approve compensation": {@code APPROVED} or {@code REFUSED}. */
    public static final String COMPENSATION_DECISION = "compensationDecision";
    /** "Confirm result with customer": {@code RESOLVED} or {@code NOT_RESOLVED}. */
    public static final String CUSTOMER_CONFIRMATION = "customerConfirmation";

    private ComplaintFields() {
    }
}
