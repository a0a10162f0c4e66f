package com.gridcare.accountreview;

import static com.gridcare.kernel.process.KeyAccountReviewVariables.KEY_ACCOUNTS;
import static com.gridcare.kernel.process.KeyAccountReviewVariables.REVIEW_QUARTER;

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

    private final KeyAccountReviews reviews;

    ListKeyAccountsDelegate(KeyAccountReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(REVIEW_QUARTER, reviews.currentQuarter());
        execution.setVariable(KEY_ACCOUNTS, reviews.keyAccounts());
    }
}
