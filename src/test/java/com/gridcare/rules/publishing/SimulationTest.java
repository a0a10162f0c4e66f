package com.gridcare.rules.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridcare.cases.Channel;
import com.gridcare.complaint.ComplaintCategory;
import com.gridcare.complaint.ComplaintIntake;
import com.gridcare.complaint.ComplaintRequest;
import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.kernel.Groups;
import com.gridcare.rules.authoring.Spreadsheets;
import com.gridcare.rules.runtime.RuleRuntime;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** Simulation of candidate rules over every stored customer and the recent cases; nothing changes. */
@GridCareTest
class SimulationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    CustomerRepository customers;
    @Autowired
    RuleRuntime runtime;
    @Autowired
    ComplaintIntake intake;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;

    Api analyst;

    @BeforeEach
    void setUp() {
        testData.users();
        analyst = Api.at(port).as(Groups.RULE_ANALYSTS);
    }

    /** Every stored customer, read independently of the rules: id to (class, annual kWh, kV, kVA). */
    private Map<String, double[]> everyCustomer() {
        var all = new java.util.HashMap<String, double[]>();
        var today = LocalDate.now(clock);
        String after = null;
        while (true) {
            var page = customers.page(after, 500);
            if (page.isEmpty()) break;
            after = page.get(page.size() - 1).id();
            var histories = customers.histories(page.stream().map(c -> c.id()).toList(), today);
            for (var c : page) {
                all.put(c.id(), new double[] {c.customerClass() == CustomerClass.RESIDENTIAL ? 1 : 0,
                        histories.get(c.id()).annualKwh(), c.supplyVoltageKv().doubleValue(),
                        c.contractedCapacityKva().doubleValue()});
            }
        }
        return all;
    }

    private static Set<String> changed(JsonNode result, String what) {
        var ids = new HashSet<String>();
        result.path("changes").forEach(c -> {
            if (c.path("what").asText().equals(what)) ids.add(c.path("subjectId").asText());
        });
        return ids;
    }

    @Test
    void shouldReportExactlyTheCustomersThatMoveWhenTheKeyThresholdRises() {
        // around the new threshold: 1.5 GWh moves, 2.2 GWh and 0.5 GWh stay, 1.5 GWh with 400 kVA stays KEY
        var moves = testData.customer(CustomerClass.COMMERCIAL, 1_500_000.0 * 12 / 11, "10", "250", false, false);
        var staysKey = testData.customer(CustomerClass.INDUSTRIAL, 2_200_000.0 * 12 / 11, "10", "250", false, false);
        var staysBusiness = testData.customer(CustomerClass.PUBLIC, 500_000.0 * 12 / 11, "10", "250", false, false);
        var keyByCapacity = testData.customer(CustomerClass.AGRICULTURAL, 1_500_000.0 * 12 / 11, "10", "400", false, false);
        var before = runtime.current().version();

        var answer = analyst.postFiles("/api/v1/rules/simulate", Map.of("tier.drl.xlsx",
                Spreadsheets.setNumber(Spreadsheets.read("customer/tier.drl.xlsx"), "C12", 2_000_000)));

        assertThat(answer.status()).isEqualTo(200);
        var result = answer.json();
        assertThat(result.path("changedPackages").toString()).isEqualTo("[\"customer\"]");
        var expected = new HashSet<String>();
        everyCustomer().forEach((id, f) -> {
            boolean nonResidential = f[0] == 0;
            if (nonResidential && f[1] >= 1_000_000 && f[1] < 2_000_000 && f[2] < 110 && f[3] < 315) expected.add(id);
        });
        assertThat(expected).contains(moves).doesNotContain(staysKey, staysBusiness, keyByCapacity);
        assertThat(changed(result, "tier")).isEqualTo(expected);
        result.path("changes").forEach(c -> {
            if (c.path("what").asText().equals("tier")) {
                assertThat(c.path("before").asText()).isEqualTo("KEY");
                assertThat(c.path("after").asText()).isEqualTo("BUSINESS");
            }
        });
        var matrix = result.path("sections").path("customers").path("tierMatrix");
        assertThat(matrix.path("KEY").path("BUSINESS").asInt()).isEqualTo(expected.size());
        assertThat(result.path("candidate").path("valid").asBoolean()).as("examples around 1 GWh now fail").isFalse();
        assertThat(runtime.current().version()).isEqualTo(before);

        var csv = analyst.postFiles("/api/v1/rules/simulate", Map.of("tier.drl.xlsx",
                Spreadsheets.setNumber(Spreadsheets.read("customer/tier.drl.xlsx"), "C12", 2_000_000)), "format", "csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("subject_type,subject_id,customer_id,what,before,after\r\n")
                .contains("CUSTOMER," + moves + "," + moves + ",tier,KEY,BUSINESS\r\n")
                .doesNotContain(staysKey).doesNotContain(keyByCapacity);
    }

    @Test
    void shouldReportOffersGainedAndLostWithTheChangeInDiscountCost() {
        testData.customer(CustomerClass.RESIDENTIAL, 3_600, "0.22", "8", false, false);
        // LOYALTY_5Y from 5 to 2 years of tenure: TestData's customers (3 years, all bills on time) gain it
        var offers = Spreadsheets.setNumber(Spreadsheets.read("offers/offers.drl.xlsx"), "E11", 2);

        var result = analyst.postFiles("/api/v1/rules/simulate", Map.of("offers.drl.xlsx", offers)).json();

        var section = result.path("sections").path("customers");
        var loyalty = new ArrayList<JsonNode>();
        section.path("offers").forEach(o -> {
            if (o.path("offer").asText().equals("LOYALTY_5Y")) loyalty.add(o);
        });
        assertThat(loyalty).hasSize(1);
        var gainers = new HashSet<String>();
        var expectedCost = new BigDecimal[] {BigDecimal.ZERO};
        var today = LocalDate.now(clock);
        result.path("changes").forEach(c -> {
            if (c.path("what").asText().equals("discountPercent")) {
                var delta = new BigDecimal(c.path("after").asText()).subtract(new BigDecimal(c.path("before").asText()));
                var billed = customers.history(c.path("subjectId").asText(), today).annualBilled();
                expectedCost[0] = expectedCost[0].add(delta.multiply(billed).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
            }
            if (c.path("what").asText().equals("offers") && c.path("after").asText().contains("LOYALTY_5Y")
                    && !c.path("before").asText().contains("LOYALTY_5Y")) {
                gainers.add(c.path("subjectId").asText());
            }
        });
        assertThat(result.path("changeCount").asInt()).isLessThanOrEqualTo(RuleSimulation.CHANGES_SHOWN);
        assertThat(loyalty.get(0).path("gained").asInt()).isEqualTo(gainers.size()).isPositive();
        assertThat(loyalty.get(0).path("lost").asInt()).isZero();
        assertThat(new BigDecimal(section.path("discountCostChange").asText())).isEqualByComparingTo(expectedCost[0]);
        assertThat(expectedCost[0]).isPositive();
    }

    @Test
    void shouldReportRoutingChangesPerGroupForRecentComplaints() {
        var customerId = testData.residential();
        var receipt = transactions.execute(tx -> intake.register(new ComplaintRequest(customerId, Channel.HOTLINE,
                ComplaintCategory.METER, "Meter runs fast", null, null)));
        // METER complaints to field-service instead of metering
        var routing = Spreadsheets.set(Spreadsheets.read("complaintrouting/routing.drl.xlsx"), "D15", "field-service");

        var result = analyst.postFiles("/api/v1/rules/simulate", Map.of("routing.drl.xlsx", routing), "days", "30").json();

        var section = result.path("sections").path("complaintRouting");
        assertThat(section.path("groupChanges").path("metering").path("field-service").asInt()).isPositive();
        assertThat(changed(result, "group")).contains(receipt.caseId());
        assertThat(result.path("days").asInt()).isEqualTo(30);
        assertThat(result.path("sections").has("customers")).isFalse();
    }

    @Test
    void shouldRefuseACandidateThatDoesNotCompile() {
        var answer = analyst.postFiles("/api/v1/rules/simulate", Map.of("tier.drl.xlsx",
                Spreadsheets.set(Spreadsheets.read("customer/tier.drl.xlsx"), "C8", "anualKwh >= $param")));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().path("result").path("problems").get(0).path("message").asText())
                .startsWith("unknown field 'anualKwh'");
    }
}
