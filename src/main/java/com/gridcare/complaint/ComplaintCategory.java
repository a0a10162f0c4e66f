package com.gridcare.complaint;

public enum ComplaintCategory {
    BILLING, SUPPLY_INTERRUPTION, POWER_QUALITY, METER, SERVICE_CONDUCT, CONNECTION, OTHER
}
