package com.gridcare.cases;

/** A case is a complaint or a service request; each kind has its own number series. */
public enum CaseKind {
    COMPLAINT("CMP", "complaint_number_seq"),
    SERVICE_REQUEST("SRQ", "service_request_number_seq");

    private final String prefix;
    private final String sequence;

    CaseKind(String prefix, String sequence) {
        this.prefix = prefix;
        this.sequence = sequence;
    }

    public String prefix() {
        return prefix;
    }

    String sequence() {
        return sequence;
    }
}
