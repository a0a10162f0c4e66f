package com.gridcare.accountreview;

import static com.gridcare.cases.ProcessVariables.KEY_ACCOUNTS;
import static com.gridcare.cases.ProcessVariables.REVIEW_QUARTER;

import com.gridcare.EngineClock;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.customer.Tier;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "List strategic and key accounts": the customers whose tier, as the customer rules last decided it,
 * is STRATEGIC or KEY; the quarterly review creates one account-review task for each (its outcome is a
 * step of the record about the customer).
 */
@Component("listKeyAccounts")
class ListKeyAccountsDelegate implements JavaDelegate {

    private final CustomerRepository customers;
    private final Clock clock;

    ListKeyAccountsDelegate(CustomerRepository customers, Clock clock) {
        this.customers = customers;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var today = OffsetDateTime.now(clock).atZoneSameInstant(EngineClock.ZONE);
        execution.setVariable(REVIEW_QUARTER, today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1));
        execution.setVariable(KEY_ACCOUNTS, new ArrayList<>(customers.idsWithTier(Tier.STRATEGIC, Tier.KEY)));
    }
}
