package com.gridcare.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@GridCareTest
class PointsLedgerTest {

    @Autowired
    PointsLedger ledger;
    @Autowired
    TestData testData;

    @Test
    void shouldCreditAnEarningEventOnlyOnce() {
        var customer = testData.residential();
        var key = "SURVEY_THANKS:" + TestData.uniqueId("SVY");

        assertThat(ledger.credit(customer, "SURVEY_THANKS", 50, key, "Thank you for answering", null, null)).isTrue();
        assertThat(ledger.credit(customer, "SURVEY_THANKS", 50, key, "Thank you for answering", null, null)).isFalse();

        assertThat(ledger.balance(customer)).isEqualTo(50);
        assertThat(ledger.entries(customer, 10)).hasSize(1);
        assertThat(ledger.timesCredited(customer, "SURVEY_THANKS", OffsetDateTime.now().minusYears(1))).isEqualTo(1);
    }

    @Test
    void shouldSpendOnlyWhatTheBalanceCovers() {
        var customer = testData.residential();
        ledger.credit(customer, "GREEN_PLAN", 200, "GREEN_PLAN:" + TestData.uniqueId("Q"), "Green plan", null, null);
        var spending = "BILL:" + TestData.uniqueId("B");

        assertThat(ledger.spend(customer, "BILL_CREDIT", 150, spending, "Redeemed on the bill")).isTrue();
        assertThat(ledger.spend(customer, "BILL_CREDIT", 150, spending, "Redeemed on the bill")).isFalse();
        assertThatThrownBy(() -> ledger.spend(customer, "BILL_CREDIT", 100, "BILL:" + TestData.uniqueId("B"), "x"))
                .hasMessageContaining("fewer than 100");
        assertThat(ledger.balance(customer)).isEqualTo(50);
    }
}
