package com.gridcare.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.kernel.Groups;
import com.gridcare.rules.runtime.DecisionService;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The night's re-tiering writes every customer what a single evaluation would, records each change of tier in the
 * tier history as a single evaluation does, and runs once a night.
 */
@GridCareTest
class NightRetieringTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    NightRetiering night;
    @Autowired
    CustomerRepository customers;
    @Autowired
    CustomerEvaluator evaluator;
    @Autowired
    DecisionService decisions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    LocalDate today;

    @BeforeEach
    void tonightNotRunYet() {
        testData.users();
        today = LocalDate.now(clock);
        jdbc.sql("DELETE FROM customer_retiering_run WHERE night = ?").param(today).update();
    }

    private Customer customer(String id) {
        return customers.find(id).orElseThrow();
    }

    private long lastTierChange() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM customer_tier_change").query(Long.class).single();
    }

    private List<String> tierChangesAfter(long lastBefore, String customerId) {
        return jdbc.sql("SELECT COALESCE(from_tier, '-') || '>' || to_tier FROM customer_tier_change"
                        + " WHERE customer_id = ? AND id > ? ORDER BY id")
                .params(customerId, lastBefore).query(String.class).list();
    }

    @Test
    void everyCustomerGetsWhatASingleEvaluationGivesAndEachChangeOfTierIsRecorded() {
        var grown = testData.customer(CustomerClass.INDUSTRIAL, 50_000, "10", "400", false, false);
        var same = testData.strategic();
        // a complaint by web: all of last year's contacts digital, which the night must count to keep DIGITAL
        var complaint = Api.at(port).as(Groups.CHANNEL_SYSTEMS).post("/api/v1/complaints", """
                {"customerId": "%s", "channel": "WEB", "category": "BILLING", "description": "Bill twice as high."}"""
                .formatted(grown));
        assertThat(complaint.status()).as(complaint.body()).isEqualTo(201);
        var tierBefore = customer(grown).tier();
        // stored without evaluating the customer: only the night sees the grown bills
        customers.saveConsumption(grown, TestData.twelveMonths(today, 12_000_000));
        var before = lastTierChange();

        var result = night.run(today).orElseThrow();

        var expected = evaluator.evaluateAll(decisions.current(), List.of(customer(grown)),
                customers.histories(List.of(grown), today), today).get(0).getEvaluation();
        assertThat(expected.getTier()).as("the grown customer's new tier").isNotEqualTo(tierBefore);
        var grownNow = customer(grown);
        assertThat(grownNow.tier()).isEqualTo(expected.getTier());
        assertThat(grownNow.flags()).isEqualTo(expected.getFlags());
        assertThat(grownNow.segments()).isEqualTo(expected.getSegments()).contains("DIGITAL");
        assertThat(tierChangesAfter(before, grown)).containsExactly(tierBefore + ">" + expected.getTier());
        assertThat(tierChangesAfter(before, same)).as("a tier that stays is not a change").isEmpty();

        // a single evaluation afterwards finds nothing to change, for the test's customers and any other
        for (var id : List.of(grown, same)) {
            assertThat(customers.saveEvaluation(id, evaluator.evaluateAll(decisions.current(), List.of(customer(id)),
                    customers.histories(List.of(id), today), today).get(0).getEvaluation(), OffsetDateTime.now(clock)))
                    .as("tier of %s changed by a later single evaluation", id).isFalse();
        }
        long allCustomers = jdbc.sql("SELECT COUNT(*) FROM customer").query(Long.class).single();
        assertThat(result.customers() + 0L).isEqualTo(allCustomers);
        assertThat(result.tierChanges()).isPositive();
        var run = jdbc.sql("SELECT customers, tier_changes, unrated, rule_version, finished_at FROM customer_retiering_run"
                        + " WHERE night = ?").param(today).query().singleRow();
        assertThat(run.get("customers")).isEqualTo(result.customers());
        assertThat(run.get("tier_changes")).isEqualTo(result.tierChanges());
        assertThat(run.get("rule_version")).isEqualTo(decisions.current().version());
        assertThat(run.get("finished_at")).isNotNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer_tier_change WHERE id > ?").param(before)
                .query(Long.class).single()).as("tier changes recorded").isEqualTo(result.tierChanges());
    }

    @Test
    void aNightRunsOnce() {
        assertThat(night.run(today)).isPresent();
        assertThat(night.run(today)).as("the same night again, on this node or another").isEmpty();
    }
}
