package com.gridcare.cases;

/** Why a case was escalated; the clocks and the processes decide when. */
public enum EscalationKind {
    /** first contact not made in time: review by supervisors */
    FIRST_CONTACT_BREACH,
    /** 75 % of the resolution time used: reminder to the assignee or group */
    RESOLUTION_WARNING,
    /** resolution time exceeded: intervention by service managers */
    RESOLUTION_BREACH,
    /** one working day before the statutory limit */
    REGULATORY_RISK,
    /** third repeat complaint of the same kind */
    REPEAT_COMPLAINT,
    /** outage repair crew not on site in time */
    ARRIVAL_BREACH,
    /** supply not restored in time after arrival */
    RESTORATION_BREACH,
    /** a service request's statutory clock exceeded */
    SERVICE_TARGET_BREACH
}
