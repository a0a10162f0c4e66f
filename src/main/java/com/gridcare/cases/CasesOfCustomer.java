package com.gridcare.cases;

import com.gridcare.customer.CustomerCases;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** A customer's cases as the customer feature sees them: contacts for the customer rules, open cases for the profile. */
@Component
class CasesOfCustomer implements CustomerCases {

    private final CaseRepository cases;

    CasesOfCustomer(CaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public Map<String, Counts> contactsSince(Collection<String> customerIds, OffsetDateTime since) {
        if (customerIds.isEmpty()) return new HashMap<>();
        var ids = List.copyOf(customerIds);
        return counts(cases.contactCounts("customer_id IN (" + String.join(", ", Collections.nCopies(ids.size(), "?"))
                + ")", ids, since));
    }

    @Override
    public Map<String, Counts> contactsBetween(String firstId, String lastId, OffsetDateTime since) {
        return counts(cases.contactCounts("customer_id BETWEEN ? AND ?", List.of(firstId, lastId), since));
    }

    private static Map<String, Counts> counts(Map<String, int[]> byCustomer) {
        var counts = new HashMap<String, Counts>();
        byCustomer.forEach((id, c) -> counts.put(id, new Counts(c[0], c[1], c[2])));
        return counts;
    }

    @Override
    public List<CustomerCases.OpenCase> open(String customerId) {
        return cases.openOf(customerId).stream().map(c -> new CustomerCases.OpenCase(c.id(), c.kind().name(),
                c.category(), c.stage(), c.receivedAt())).toList();
    }
}
