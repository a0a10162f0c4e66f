package com.gridcare.offers;

/** Something a customer can be credited reward points for when it happens. */
public enum RewardEvent {
    /** The customer answered a satisfaction survey. */
    SURVEY_ANSWERED,
    /** A case's resolution clock was breached. */
    RESOLUTION_BREACHED
}
