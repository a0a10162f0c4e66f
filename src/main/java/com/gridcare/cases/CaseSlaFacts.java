package com.gridcare.cases;

import com.gridcare.clock.SlaFacts;
import com.gridcare.customer.Customer;
import com.gridcare.customer.Tier;
import com.gridcare.kernel.EngineClock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The SLA catalogue's view of a case: the customer's part (tier, flags, class, supply voltage, area) and the
 * day the clocks start, here; the work itself from the case's kind ({@link CaseKindSlaFacts}).
 */
@Component
public class CaseSlaFacts {

    private final List<CaseKindSlaFacts> kinds;

    CaseSlaFacts(List<CaseKindSlaFacts> kinds) {
        this.kinds = kinds;
    }

    public SlaFacts of(ServiceCase serviceCase, Customer customer) {
        var facts = new SlaFacts();
        kinds.stream().filter(k -> k.kind() == serviceCase.kind()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no SLA facts for cases of kind " + serviceCase.kind()))
                .describe(serviceCase, facts);
        facts.setTier(serviceCase.tier() != null ? Tier.valueOf(serviceCase.tier()) : customer.tier());
        facts.setImportant(customer.flags().contains("IMPORTANT"));
        facts.setPriorityCare(customer.flags().contains("PRIORITY_CARE"));
        facts.setCustomerClass(customer.customerClass());
        facts.setSupplyVoltageKv(customer.supplyVoltageKv().doubleValue());
        facts.setArea(customer.area());
        facts.setStartDate(LocalDate.ofInstant(serviceCase.receivedAt().toInstant(), EngineClock.ZONE));
        return facts;
    }
}
