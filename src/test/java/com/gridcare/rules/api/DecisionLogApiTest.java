package com.gridcare.rules.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridcare.cases.CaseSteps;
import com.gridcare.cases.StepKind;
import com.gridcare.customer.CustomerClass;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.util.ArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Acceptance: every decision of a complaint is in the decision log, and the task's form shows the why in one sentence. */
@GridCareTest
class DecisionLogApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    CaseSteps steps;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        testData.users();
    }

    /** 2.3 GWh over the 11 months of TestData's history that fall in the last 12 months. */
    private String keyCustomer() {
        return testData.customer(CustomerClass.COMMERCIAL, 2_300_000.0 * 12 / 11, "10", "250", false, false);
    }

    @Test
    void shouldLogEveryDecisionOfAComplaintAndExplainTheRoutingInOneSentence() {
        var customerId = keyCustomer();
        var receipt = Api.at(port).as(Groups.CHANNEL_SYSTEMS).post("/api/v1/complaints", """
                {"customerId": "%s", "channel": "EMAIL", "category": "BILLING",
                 "description": "The demand charge on the October invoice is wrong."}""".formatted(customerId)).json();
        var caseId = receipt.path("caseId").asText();
        var routed = steps.latest(caseId, StepKind.ROUTED).orElseThrow();
        var evaluated = steps.latest(caseId, StepKind.CUSTOMER_EVALUATED).orElseThrow();
        assertThat(routed.text("reason"))
                .isEqualTo("Routed to key-accounts by row 4 'BILLING, KEY/STRATEGIC'; "
                        + "tier KEY because 2.3 GWh ≥ 1 GWh; priority 75");
        assertThat(evaluated.text("reason"))
                .isEqualTo("tier KEY because 2.3 GWh ≥ 1 GWh");

        var log = Api.at(port).as(Groups.KEY_ACCOUNTS).get("/api/v1/customers/" + customerId + "/decisions?size=100");
        assertThat(log.status()).isEqualTo(200);
        var caseDecisions = new ArrayList<JsonNode>();
        log.json().path("decisions").forEach(d -> {
            if (d.path("subjectId").asText().equals(caseId)) caseDecisions.add(d);
        });
        assertThat(caseDecisions).extracting(d -> d.path("kind").asText())
                // one intake may decide all three within the same millisecond: their order is not the point
                .containsExactlyInAnyOrder("SLA_TARGETS", "COMPLAINT_ROUTING", "CUSTOMER_EVALUATION");
        Function<String, JsonNode> ofKind = kind -> caseDecisions.stream()
                .filter(d -> d.path("kind").asText().equals(kind)).findFirst().orElseThrow();
        var routing = ofKind.apply("COMPLAINT_ROUTING");
        var evaluation = ofKind.apply("CUSTOMER_EVALUATION");
        assertThat(ofKind.apply("SLA_TARGETS").path("id").asText()).isEqualTo(jdbc.sql(
                "SELECT DISTINCT decision_id FROM case_clock WHERE case_id = ?").param(caseId).query(String.class).single());
        assertThat(routing.path("id").asText()).isEqualTo(routed.text("decisionId"));
        assertThat(evaluation.path("id").asText()).isEqualTo(evaluated.text("decisionId"));
        assertThat(routing.path("ruleVersion").asText()).matches("[0-9a-f]{12}");
        assertThat(routing.path("firedRules").toString()).contains("row 4 'BILLING, KEY/STRATEGIC'")
                .contains("rule 'Priority at most 100'");
        assertThat(routing.path("inputs").path("category").asText()).isEqualTo("BILLING");
        assertThat(routing.path("inputs").path("tier").asText()).isEqualTo("KEY");
        assertThat(routing.path("outputs").path("group").asText()).isEqualTo("key-accounts");
        assertThat(routing.path("explanation").asText()).isEqualTo(routed.text("reason"));
        assertThat(evaluation.path("firedRules").toString()).contains("row 3 'KEY: non-residential with at least 1 GWh a year'");
        assertThat(evaluation.path("inputs").path("annualKwh").asDouble()).isEqualTo(2_300_000, org.assertj.core.data.Offset.offset(1.0));
        assertThat(evaluation.path("outputs").path("tier").asText()).isEqualTo("KEY");
        assertThat(evaluation.path("decidedAt").asText()).matches(".*[+-]\\d{2}:\\d{2}|.*Z");
    }

    @Test
    void shouldPageTheLogNewestFirst() {
        var customerId = keyCustomer();
        var api = Api.at(port).as(Groups.RULE_ANALYSTS);

        var first = api.get("/api/v1/customers/" + customerId + "/decisions?size=1").json();
        var second = api.get("/api/v1/customers/" + customerId + "/decisions?size=1&page=1").json();
        var all = api.get("/api/v1/customers/" + customerId + "/decisions").json();

        assertThat(first.path("decisions")).hasSize(1);
        assertThat(first.path("more").asBoolean()).isTrue();
        assertThat(all.path("decisions")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(first.path("decisions").get(0).path("id")).isEqualTo(all.path("decisions").get(0).path("id"));
        assertThat(second.path("decisions").get(0).path("id")).isEqualTo(all.path("decisions").get(1).path("id"));
        var times = all.path("decisions").findValuesAsText("decidedAt");
        assertThat(times).isSortedAccordingTo((a, b) -> java.time.OffsetDateTime.parse(b).compareTo(java.time.OffsetDateTime.parse(a)));
    }

    @Test
    void shouldAnswer404ForAnUnknownCustomerAnd400ForAnOversizedPage() {
        var api = Api.at(port).as(Groups.CUSTOMER_SERVICE);

        assertThat(api.get("/api/v1/customers/NOBODY-" + System.nanoTime() % 100000 + "/decisions").status()).isEqualTo(404);
        var oversized = api.get("/api/v1/customers/" + keyCustomer() + "/decisions?size=1000");
        assertThat(oversized.status()).isEqualTo(400);
        assertThat(oversized.json().path("errors").get(0).path("field").asText()).isEqualTo("size");
        assertThat(Api.at(port).get("/api/v1/customers/X/decisions").status()).isEqualTo(401);
    }
}
