package com.gridcare.clock;

/** What the clocks of the SLA catalogue measure: complaints, the service request types, survey follow-ups. */
public enum SlaWork {
    COMPLAINT,
    NEW_CONNECTION, CAPACITY_CHANGE, MOVE_IN, MOVE_OUT, METER_TEST, TARIFF_CHANGE, OUTAGE_REPAIR,
    GREEN_PLAN_ENROLMENT, RECONNECTION,
    SURVEY_FOLLOW_UP
}
