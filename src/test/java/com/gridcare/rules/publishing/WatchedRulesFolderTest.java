package com.gridcare.rules.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.CustomerEvaluator;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.rules.runtime.DecisionService;
import com.gridcare.rules.runtime.RuleRuntime;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Acceptance: the shipped tier table changed and saved by LibreOffice (src/test/resources/rules-fixtures)
 * dropped into the watched rules folder is live without a restart; a broken one is refused with its
 * row and column, and the old rules keep answering. The watcher polls on its own thread, so these
 * tests wait (bounded) for it.
 */
@GridCareTest
class WatchedRulesFolderTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Autowired
    RuleRuntime runtime;
    @Autowired
    RulePublisher publisher;
    @Autowired
    TestData testData;
    @Autowired
    CustomerEvaluator evaluator;
    @Autowired
    CustomerRepository customers;

    @AfterEach
    void restore() {
        ShippedRules.restore(publisher, runtime);
    }

    private static void drop(String fixture) throws IOException {
        var target = ShippedRules.TEST_FOLDER.resolve("customer/tier.drl.xlsx");
        var temp = Files.createTempFile(target.getParent(), ".drop", ".tmp");
        Files.copy(Path.of("src/test/resources/rules-fixtures", fixture), temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s for the rules folder watch", PATIENCE).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private String tierOf(String customerId) {
        var customer = customers.find(customerId).orElseThrow();
        return evaluator.evaluate(customer, DecisionService.Subject.customer(customerId)).evaluation().getTier().name();
    }

    @Test
    void shouldServeATableSavedByLibreOfficeAndDroppedIntoTheFolderWithoutARestart() throws Exception {
        var before = runtime.current().version();
        var customer = testData.customer(CustomerClass.INDUSTRIAL, 300_000, "100", "250", false, false);
        assertThat(tierOf(customer)).isEqualTo("BUSINESS");

        drop("tier-strategic-at-100kv.drl.xlsx");
        waitFor(() -> !runtime.current().version().equals(before));

        assertThat(tierOf(customer)).isEqualTo("STRATEGIC");
        var audit = publisher.history(1).get(0);
        assertThat(audit.outcome()).isEqualTo("PUBLISHED");
        assertThat(audit.trigger()).isEqualTo("WATCH");
        assertThat(audit.changes()).contains("customer/tier.drl.xlsx: row 2 'STRATEGIC: non-residential supplied at "
                + "110 kV or more': Supply voltage at least (kV) / 供电电压不低于 (kV) 110 → 100");
    }

    @Test
    void shouldRefuseABrokenTableWithItsRowAndColumnAndKeepTheOldRulesAnswering() throws Exception {
        var before = runtime.current().version();
        var lastAudit = publisher.history(1).get(0).id();
        var customer = testData.customer(CustomerClass.COMMERCIAL, 2_400_000, "10", "250", false, false);

        drop("tier-broken-number.drl.xlsx");
        waitFor(() -> !publisher.history(1).get(0).id().equals(lastAudit));

        var audit = publisher.history(1).get(0);
        assertThat(audit.outcome()).isEqualTo("REFUSED");
        assertThat(audit.trigger()).isEqualTo("WATCH");
        assertThat(audit.problems()).anyMatch(p -> p.startsWith("customer/tier.drl.xlsx, sheet 'tier.drl', "
                + "row 12, column C: wrong type in column 'Annual consumption at least (kWh) / 年用电量不低于 (kWh)': "
                + "'1,000,000 kWh' is not a number"));
        assertThat(runtime.current().version()).isEqualTo(before);
        assertThat(tierOf(customer)).isEqualTo("KEY");
    }
}
