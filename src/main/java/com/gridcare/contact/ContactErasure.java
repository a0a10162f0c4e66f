package com.gridcare.contact;

import com.gridcare.customer.CustomerErased;
import com.gridcare.customer.CustomerErasure;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** An erased customer's name, phone, e-mail and address leave the summaries of their contacts too. */
@Component
class ContactErasure {

    private final Contacts contacts;

    ContactErasure(Contacts contacts) {
        this.contacts = contacts;
    }

    @EventListener
    void erase(CustomerErased erased) {
        erased.rows().put("customer_contact",
                contacts.erase(erased.customerId(), erased.personalValues(), CustomerErasure.ERASED));
    }
}
