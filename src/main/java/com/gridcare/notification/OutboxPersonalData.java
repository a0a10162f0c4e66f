package com.gridcare.notification;

import com.gridcare.customer.PersonalDataHolder;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Erasure in the outbox: the customer's messages lose their texts; those not yet sent are not sent. */
@Component
class OutboxPersonalData implements PersonalDataHolder {

    private final OutboxStore store;

    OutboxPersonalData(OutboxStore store) {
        this.store = store;
    }

    @Override
    public Map<String, Integer> erase(String customerId, List<String> values, String replacement) {
        return Map.of("notification_outbox", store.erase(customerId, replacement));
    }
}
