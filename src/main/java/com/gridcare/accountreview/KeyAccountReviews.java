package com.gridcare.accountreview;

import com.gridcare.customer.CustomerRepository;
import com.gridcare.customer.Tier;
import com.gridcare.kernel.EngineClock;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** Which customers the quarterly account review covers, and which quarter it is. */
@Service
class KeyAccountReviews {

    private final CustomerRepository customers;
    private final Clock clock;

    KeyAccountReviews(CustomerRepository customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    /** The quarter under review, e.g. "2026-Q4" (in Asia/Shanghai). */
    String currentQuarter() {
        var today = OffsetDateTime.now(clock).atZoneSameInstant(EngineClock.ZONE);
        return today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
    }

    /** The STRATEGIC and KEY customers. */
    List<String> keyAccounts() {
        return new ArrayList<>(customers.idsWithTier(Tier.STRATEGIC, Tier.KEY));
    }
}
