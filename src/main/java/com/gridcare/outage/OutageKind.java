package com.gridcare.outage;

/** Why supply is off: planned maintenance (7 days' notice), temporary maintenance (24 hours to important customers), a fault. */
public enum OutageKind {
    PLANNED,
    TEMPORARY,
    UNPLANNED;

    boolean announced() {
        return this != UNPLANNED;
    }
}
