package com.gridcare.accountreview;

import static com.gridcare.cases.ProcessVariables.KEY_ACCOUNTS;
import static com.gridcare.cases.ProcessVariables.REVIEW_QUARTER;

import com.gridcare.EngineClock;
import com.gridcare.customer.Tier;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "List strategic and key accounts": the customers whose tier, as the customer rules last decided it,
 * is STRATEGIC or KEY; the quarterly review creates one account-review task for each.
 */
@Component("listKeyAccounts")
class ListKeyAccountsDelegate implements JavaDelegate {

    private final JdbcClient jdbc;
    private final Clock clock;

    ListKeyAccountsDelegate(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var customers = jdbc.sql("SELECT id FROM customer WHERE tier IN (?, ?) ORDER BY id")
                .params(Tier.STRATEGIC.name(), Tier.KEY.name()).query(String.class).list();
        var today = OffsetDateTime.now(clock).atZoneSameInstant(EngineClock.ZONE);
        execution.setVariable(REVIEW_QUARTER, today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1));
        execution.setVariable(KEY_ACCOUNTS, new ArrayList<>(customers));
    }
}
