package com.gridcare.customer;

/** A piece of a customer's contact data that screens show masked and staff may reveal with a reason. */
public enum ContactField {
    PHONE, EMAIL, ADDRESS;

    String of(Customer customer) {
        return switch (this) {
            case PHONE -> customer.phone();
            case EMAIL -> customer.email();
            case ADDRESS -> customer.address();
        };
    }
}
