package com.gridcare.contract;

/** Why a customer did not renew. */
public enum LostReason {
    PRICE, RETAIL_COMPETITOR, SELF_GENERATION, RELOCATION, CLOSURE, SERVICE_QUALITY, OTHER
}
