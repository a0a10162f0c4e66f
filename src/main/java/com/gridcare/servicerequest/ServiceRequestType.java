package com.gridcare.servicerequest;

/** The kinds of service request a customer can make (docs/product-guide.md, "Processes"). */
public enum ServiceRequestType {
    NEW_CONNECTION, CAPACITY_CHANGE, MOVE_IN, MOVE_OUT, METER_TEST, TARIFF_CHANGE, OUTAGE_REPAIR, GREEN_PLAN_ENROLMENT
}
