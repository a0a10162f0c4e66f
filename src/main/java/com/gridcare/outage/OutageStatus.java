package com.gridcare.outage;

/** ANNOUNCED from registration until supply is back, then RESTORED. */
public enum OutageStatus {
    ANNOUNCED,
    RESTORED
}
