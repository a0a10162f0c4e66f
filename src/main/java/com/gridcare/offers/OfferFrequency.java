package com.gridcare.offers;

/** How often an offer is credited: standing offers on bills or per quarter, rewards per event. */
public enum OfferFrequency {
    ONCE, EVERY_BILL, EVERY_QUARTER, PER_EVENT
}
