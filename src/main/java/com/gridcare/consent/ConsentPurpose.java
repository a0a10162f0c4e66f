package com.gridcare.consent;

/** What a customer may opt in to on a channel. Service messages need no consent and have no purpose here. */
public enum ConsentPurpose {
    /** offers, campaigns and research: survey campaigns count as this */
    MARKETING,
    /** personal advice built on the customer's own data: usage reports and their tips */
    ADVICE
}
