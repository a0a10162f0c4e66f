package com.gridcare.customer;

/** Customer tiers, lowest first: a higher tier wins when several rules match. */
public enum Tier {
    RESIDENTIAL, BUSINESS, KEY, STRATEGIC;

    public boolean atLeast(Tier other) {
        return compareTo(other) >= 0;
    }
}
