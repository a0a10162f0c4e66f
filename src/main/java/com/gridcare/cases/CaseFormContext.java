package com.gridcare.cases;

import com.gridcare.kernel.process.CaseVariables;

import com.gridcare.customer.ContactMasking;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What every form of a case's task shows at the top: case number, customer, channel, category, tier
 * and flags, why the case is with this group, and the customer's contact data masked. For the forms'
 * keys {@value #CUSTOMER_NAME}, {@value #ROUTING_REASON} and so on.
 */
@Component
class CaseFormContext implements FormContext {

    static final String CUSTOMER_NAME = "customerName";
    static final String CHANNEL = "channel";
    static final String CATEGORY = "category";
    static final String TIER = "tier";
    static final String CUSTOMER_FLAGS = "customerFlags";
    static final String ROUTING_REASON = "routingReason";
    /** The phone masked (138****5678). */
    static final String CONTACT_MASKED = "contactMasked";
    /** Phone and e-mail masked and the preferred channel, in one line (for a text component). */
    static final String MASKED_CONTACT = "maskedContact";

    @Override
    public Map<String, Object> values(CaseStepContext step, String processKey, String taskKey) {
        if (!step.hasCase()) return Map.of();
        var serviceCase = step.serviceCase();
        var customer = step.customer();
        var values = new LinkedHashMap<String, Object>();
        values.put(CaseVariables.CASE_ID, serviceCase.id());
        values.put(CUSTOMER_NAME, customer.name());
        values.put(CHANNEL, serviceCase.channel().name());
        values.put(CATEGORY, serviceCase.category());
        var evaluated = step.latest(StepKind.CUSTOMER_EVALUATED);
        values.put(TIER, serviceCase.tier() != null ? serviceCase.tier()
                : customer.tier() == null ? "" : customer.tier().name());
        values.put(CUSTOMER_FLAGS, evaluated.map(s -> s.text("flags")).orElse(String.join(", ", customer.flags())));
        // the routing decision's sentence, which says the tier's reason too
        values.put(ROUTING_REASON, step.latest(StepKind.ROUTED).map(s -> s.text("reason")).orElse(""));
        var phone = serviceCase.contactPhone() != null ? serviceCase.contactPhone() : customer.phone();
        values.put(CONTACT_MASKED, phone == null ? "" : ContactMasking.phone(phone));
        var parts = new ArrayList<String>();
        if (phone != null) parts.add("Phone / 电话 " + ContactMasking.phone(phone));
        if (customer.email() != null) parts.add("E-mail / 邮箱 " + ContactMasking.email(customer.email()));
        parts.add("Prefers / 首选 " + customer.preferredChannel());
        values.put(MASKED_CONTACT, FormContext.markdownLiteral(String.join(" · ", parts)));
        return values;
    }
}
