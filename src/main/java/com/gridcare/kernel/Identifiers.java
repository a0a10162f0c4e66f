package com.gridcare.kernel;

/** The forms of GridCare's identifiers, as API paths and bodies check them and processes recognise them. */
public final class Identifiers {

    /** A case number: a complaint {@code CMP-2026-000123} or a service request {@code SRQ-2026-000123}. */
    public static final String CASE_NUMBER = "^(CMP|SRQ)-\\d{4}-\\d{6}$";
    public static final String CASE_NUMBER_MESSAGE = "must be a case number like CMP-2026-000123 or SRQ-2026-000123";
    /** A customer id as the billing system gives it. */
    public static final String CUSTOMER_ID = "^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$";
    public static final String CUSTOMER_ID_MESSAGE = "must be 1 to 32 letters, digits, '-' or '_'";

    private Identifiers() {
    }
}
