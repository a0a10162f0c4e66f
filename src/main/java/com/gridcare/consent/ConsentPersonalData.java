package com.gridcare.consent;

import com.gridcare.customer.PersonalDataHolder;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Erasure removes the customer's consents, their history, and the link to the replies they sent. */
@Component
class ConsentPersonalData implements PersonalDataHolder {

    private final Consents consents;
    private final InboundMessages inbound;

    ConsentPersonalData(Consents consents, InboundMessages inbound) {
        this.consents = consents;
        this.inbound = inbound;
    }

    @Override
    public Map<String, Integer> erase(String customerId, List<String> values, String replacement) {
        return Map.of("customer_consent", consents.erase(customerId), "inbound_message", inbound.erase(customerId));
    }
}
