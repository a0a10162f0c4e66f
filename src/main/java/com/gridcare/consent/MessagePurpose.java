package com.gridcare.consent;

import java.util.Optional;

/**
 * Why GridCare sends a customer a message. Only {@link #SERVICE} (about the customer's own cases,
 * supply and bills) goes out without consent; every other purpose needs the customer's opt-in on the
 * channel it goes out on.
 */
public enum MessagePurpose {
    SERVICE(null),
    MARKETING(ConsentPurpose.MARKETING),
    ADVICE(ConsentPurpose.ADVICE),
    /** a survey campaign: research the customer did not ask for, so it needs marketing consent */
    CAMPAIGN(ConsentPurpose.MARKETING);

    private final ConsentPurpose consent;

    MessagePurpose(ConsentPurpose consent) {
        this.consent = consent;
    }

    /** The consent the purpose needs; empty for service messages. */
    public Optional<ConsentPurpose> consentNeeded() {
        return Optional.ofNullable(consent);
    }
}
