package com.gridcare.notification;

import com.gridcare.customer.ContactMasking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default sender: writes that a message would go out, with the contact data masked. For
 * development, demos and channels that have no gateway yet.
 */
final class LogSender implements NotificationSender {

    static final String NAME = "log";
    private static final Logger log = LoggerFactory.getLogger(LogSender.class);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String send(OutgoingNotification n) {
        var to = switch (n.channel()) {
            case SMS, PHONE -> ContactMasking.phone(n.phone());
            case EMAIL -> ContactMasking.email(n.email());
            case APP, WECHAT -> "customer " + n.customerId();
        };
        log.info("notification {} for case {} by {} to {}: {} \"{}\"", n.id(), n.caseId(), n.channel(), to,
                n.template(), n.subject());
        return "log:" + n.id();
    }
}
