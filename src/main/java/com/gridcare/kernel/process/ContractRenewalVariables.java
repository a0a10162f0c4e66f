package com.gridcare.kernel.process;

/** What {@code contract-renewal} keeps. */
public final class ContractRenewalVariables {

    /** The contract (also the business key). */
    public static final String CONTRACT_ID = "contractId";
    /** The group that holds the renewal conversations. */
    public static final String OWNING_GROUP = "owningGroup";
    /** True when the contract ended without a decision (the gateway to the supervisors reads it). */
    public static final String CONTRACT_EXPIRED = "contractExpired";

    private ContractRenewalVariables() {
    }
}
