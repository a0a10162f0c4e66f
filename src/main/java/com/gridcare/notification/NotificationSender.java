package com.gridcare.notification;

/**
 * Delivers one message to a customer on one channel. Implementations must pass
 * {@link OutgoingNotification#id()} to the gateway as its idempotency key: a delivery may be
 * attempted again after a lease expired, and the gateway is what makes the customer get it once.
 */
public interface NotificationSender {

    /** The name the configuration uses ({@code gridcare.notification.senders.<CHANNEL>}). */
    String name();

    /**
     * @return the gateway's reference for the message
     * @throws DeliveryException when the message did not go out; {@link DeliveryException#permanent()} when
     *         trying again cannot help
     */
    String send(OutgoingNotification notification) throws DeliveryException;
}
