package com.gridcare.contract;

/** What the contract says about its renewal. */
public enum RenewalTerms {
    /** renewed only by a new agreement */
    NEGOTIATED,
    /** renewed for the same term unless either side gives notice */
    AUTOMATIC,
    /** ends at its term */
    NONE
}
