package com.gridcare.notification;

/** A message did not go out. Permanent: trying again cannot help (no address, refused by the gateway). */
public class DeliveryException extends Exception {

    private final boolean permanent;

    public DeliveryException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    public DeliveryException(String message, boolean permanent, Throwable cause) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
