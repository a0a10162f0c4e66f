package com.gridcare.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Green-plan customers get their quarterly points once per quarter, as the offer rules decide. */
@GridCareTest
class QuarterlyPointsTest {

    @Autowired
    TestData testData;
    @Autowired
    QuarterlyPoints quarterly;
    @Autowired
    PointsLedger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void greenPlanCustomersAreCreditedOncePerQuarter() {
        var green = testData.residential();
        var plain = testData.residential();
        jdbc.sql("UPDATE customer SET green_plan_since = ? WHERE id = ?").params(LocalDate.now().minusMonths(4), green)
                .update();

        var first = transactions.execute(tx -> quarterly.creditCurrentQuarter());
        var retried = transactions.execute(tx -> quarterly.creditCurrentQuarter());

        assertThat(first.credited()).isPositive();
        assertThat(retried.credited()).as("the same quarter again").isZero();
        assertThat(ledger.entries(green, 10)).extracting(PointsLedger.Entry::entryKey)
                .containsExactly("GREEN_PLAN:" + green + ":" + quarterly.currentQuarter());
        assertThat(ledger.balance(green)).isEqualTo(200);
        assertThat(ledger.balance(plain)).isZero();
    }
}
