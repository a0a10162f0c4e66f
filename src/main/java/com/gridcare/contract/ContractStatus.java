package com.gridcare.contract;

/** Where a contract stands. */
public enum ContractStatus {
    /** running or agreed to start */
    ACTIVE,
    /** renewed or changed: another contract follows it */
    RENEWED,
    /** the customer leaves when it ends */
    LOST,
    /** it ended without a decision on its renewal */
    EXPIRED
}
