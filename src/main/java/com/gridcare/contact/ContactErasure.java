package com.gridcare.contact;

import com.gridcare.customer.PersonalDataHolder;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** An erased customer's name, phone, e-mail and address leave the summaries of their contacts too. */
@Component
class ContactErasure implements PersonalDataHolder {

    private final Contacts contacts;

    ContactErasure(Contacts contacts) {
        this.contacts = contacts;
    }

    @Override
    public Map<String, Integer> erase(String customerId, List<String> values, String replacement) {
        return Map.of("customer_contact", contacts.erase(customerId, values, replacement));
    }
}
