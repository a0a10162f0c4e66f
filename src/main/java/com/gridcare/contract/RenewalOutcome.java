package com.gridcare.contract;

/** What a renewal conversation decided. */
public enum RenewalOutcome {
    /** same terms, new term */
    RENEWED,
    /** new term with changed capacity or price basis */
    CHANGED,
    /** the customer does not renew */
    LOST
}
