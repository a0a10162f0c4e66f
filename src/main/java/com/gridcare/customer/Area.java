package com.gridcare.customer;

/** Where the supply point is; decides outage-repair arrival targets. */
public enum Area {
    URBAN, RURAL, REMOTE
}
