package com.gridcare.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.points.PointsLedger;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code GET /api/v1/customers/{id}} shows the customer's current offers, discount and points balance. */
@GridCareTest
class CustomerRewardsApiTest {

    @Autowired
    TestData testData;
    @Autowired
    PointsLedger ledger;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @Test
    void theProfileShowsOffersDiscountAndPointsBalance() {
        testData.users();
        var customer = testData.strategic();
        transactions.executeWithoutResult(tx -> {
            ledger.credit(customer, "SURVEY_THANKS", 50, "SURVEY_THANKS:profile-" + customer, "survey", null, null);
            ledger.credit(customer, "SERVICE_RECOVERY", 100, "SERVICE_RECOVERY:profile-" + customer, "late", null, null);
            ledger.spend(customer, "BILL", 30, "BILL:profile-" + customer, "redeemed on a bill");
        });

        var profile = Api.at(port).as("key-accounts").get("/api/v1/customers/" + customer);

        assertThat(profile.status()).as(profile.body()).isEqualTo(200);
        var body = profile.json();
        assertThat(body.path("pointsBalance").asInt()).isEqualTo(120);
        assertThat(body.path("offers").isArray()).isTrue();
        assertThat(body.path("discountPercent").isNumber()).isTrue();
        var decision = body.path("offersDecisionId").asText();
        assertThat(jdbc.sql("SELECT kind FROM decision WHERE id = ?").param(decision).query(String.class).single())
                .isEqualTo("OFFER_ELIGIBILITY");
        var discount = body.path("offers").findValues("percent").stream().mapToDouble(n -> n.asDouble()).sum();
        assertThat(body.path("discountPercent").asDouble()).isLessThanOrEqualTo(Math.min(5, discount) + 1e-9);
    }
}
