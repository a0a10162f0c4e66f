package com.gridcare.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.AsyncSteps;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The staff workspace's API as Tasklist's plugins use it: registering a call through the intake,
 * finding the case and the customer, the customer's timeline and consumption, revealing contact data
 * with the access log, contacts that need no process; and what each refuses, leaving nothing behind.
 */
@GridCareTest
class WorkspaceApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;

    Api agent;

    @BeforeEach
    void setUp() {
        testData.users();
        agent = Api.at(port).as(Groups.CUSTOMER_SERVICE);
    }

    private int rows(String table, String customerId) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE customer_id = ?").param(customerId)
                .query(Integer.class).single();
    }

    private static List<JsonNode> list(JsonNode array) {
        var result = new ArrayList<JsonNode>();
        array.forEach(result::add);
        return result;
    }

    @Test
    void anAgentRegistersACallersComplaintAndFindsItByNumberAndOnTheCustomersTimeline() {
        var customer = testData.residential();
        var call = agent.post("/api/v1/calls", """
                {"customerId": "%s", "channel": "HOTLINE", "kind": "COMPLAINT",
                 "complaint": {"category": "METER", "description": "The meter display is blank since Monday."}}"""
                .formatted(customer), "Idempotency-Key", "call-" + customer);
        assertThat(call.status()).as(call.body()).isEqualTo(201);
        var receipt = call.json();
        var caseId = receipt.path("caseId").asText();
        assertThat(caseId).matches("CMP-\\d{4}-\\d{6}");
        assertThat(receipt.path("contactId").asText()).matches("CON-\\d{4}-\\d{6}");
        assertThat(receipt.path("registeredBy").asText()).isEqualTo(TestData.user(Groups.CUSTOMER_SERVICE));
        assertThat(receipt.path("replyBy").asText()).isEqualTo(receipt.path("complaint").path("resolutionDueAt").asText())
                .isNotEmpty();
        assertThat(receipt.path("complaint").path("assignedGroup").asText()).isEqualTo(Groups.METERING);

        var retried = agent.post("/api/v1/calls", """
                {"customerId": "%s", "channel": "HOTLINE", "kind": "COMPLAINT",
                 "complaint": {"category": "METER", "description": "The meter display is blank since Monday."}}"""
                .formatted(customer), "Idempotency-Key", "call-" + customer);
        assertThat(retried.json().path("caseId").asText()).isEqualTo(caseId);
        assertThat(rows("service_case", customer)).isEqualTo(1);
        assertThat(rows("customer_contact", customer)).isEqualTo(1);

        var byNumber = agent.get("/api/v1/search?q=" + caseId).json();
        assertThat(list(byNumber.path("cases"))).extracting(c -> c.path("caseId").asText()).containsExactly(caseId);
        var bySerial = agent.get("/api/v1/search?q=" + caseId.substring(9)).json();
        assertThat(list(bySerial.path("cases"))).extracting(c -> c.path("caseId").asText()).contains(caseId);
        var byName = agent.get("/api/v1/search?q=" + ("customer " + customer).replace(" ", "%20")).json();
        assertThat(list(byName.path("customers"))).extracting(c -> c.path("id").asText()).containsExactly(customer);
        assertThat(byName.path("customers").get(0).path("phone").asText()).isEqualTo("138****8000");
        var byPhone = agent.get("/api/v1/search?q=%2B86%20138-0013-8000").json();
        assertThat(byPhone.path("customers").size()).isPositive();
        // no field shows the number (ids are the customers' own: another test's may hold the digits)
        byPhone.path("customers").forEach(c -> c.properties().stream().filter(f -> !f.getKey().equals("id"))
                .forEach(f -> assertThat(f.getValue().asText()).as(f.getKey()).doesNotContain("13800138000")));
        assertThat(byPhone.path("cases").toString()).doesNotContain("13800138000");

        var timeline = agent.get("/api/v1/customers/" + customer + "/timeline").json();
        var caseEntry = list(timeline.path("entries")).stream().filter(e -> e.path("type").asText().equals("CASE"))
                .findFirst().orElseThrow();
        assertThat(caseEntry.path("caseId").asText()).isEqualTo(caseId);
        assertThat(caseEntry.path("by").asText()).isEqualTo(TestData.user(Groups.CUSTOMER_SERVICE));
        assertThat(caseEntry.path("details").path("status").asText()).isEqualTo("OPEN");
        assertThat(caseEntry.path("details").path("decisions").toString()).contains("COMPLAINT_ROUTING");
        assertThat(list(timeline.path("entries"))).extracting(e -> e.path("type").asText())
                .contains("CASE", "NOTIFICATION", "DECISION");
    }

    @Test
    void whatStaffFoundAndDecidedOnACaseIsOnTheTimelineStepByStep() {
        var customer = testData.residential();
        var caseId = agent.post("/api/v1/calls", """
                {"customerId": "%s", "channel": "HOTLINE", "kind": "COMPLAINT",
                 "complaint": {"category": "OTHER", "description": "The street light flickers every night."}}"""
                .formatted(customer)).json().path("caseId").asText();
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult().getId();
        AsyncSteps.run(management, instance);
        complete(instance, "Task_ContactCustomer", """
                {"variables": {"contactOutcome": "REACHED", "contactNote": "Called at 10:00; visit agreed."}}""");
        complete(instance, "Task_ResolveComplaint", """
                {"variables": {"askCustomer": false, "rootCause": "NETWORK_FAULT", "findings": "Ballast failed.",
                 "justified": "JUSTIFIED", "resolution": "Ballast replaced on Thursday."}}""");

        var entry = list(agent.get("/api/v1/customers/" + customer + "/timeline").json().path("entries")).stream()
                .filter(e -> caseId.equals(e.path("caseId").asText()) && e.path("type").asText().equals("CASE"))
                .findFirst().orElseThrow();
        var steps = list(entry.path("details").path("steps"));
        assertThat(steps).extracting(s -> s.path("kind").asText()).containsExactly("CONTACT", "RESOLUTION");
        assertThat(steps.get(0).path("outcome").asText()).isEqualTo("REACHED");
        assertThat(steps.get(0).path("note").asText()).isEqualTo("Called at 10:00; visit agreed.");
        var resolution = steps.get(1);
        assertThat(resolution.path("rootCause").asText()).isEqualTo("NETWORK_FAULT");
        assertThat(resolution.path("justified").asText()).isEqualTo("JUSTIFIED");
        assertThat(resolution.path("note").asText()).isEqualTo("Ballast replaced on Thursday.");
        assertThat(resolution.path("by").asText()).isEqualTo(TestData.user(Groups.CUSTOMER_SERVICE));
    }

    private void complete(String instance, String taskKey, String body) {
        var task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task " + taskKey).isNotNull();
        var answer = agent.post("/api/v1/tasks/" + task.getId() + "/complete", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        AsyncSteps.run(management, instance);
    }

    @Test
    void contactsThatNeedNoProcessGoOnTheTimelineAndIntoTheReport() {
        var customer = testData.residential();
        var enquiry = Api.at(port).as(Groups.CHANNEL_SYSTEMS).post("/api/v1/contacts", """
                {"customerId": "%s", "channel": "WECHAT", "kind": "ENQUIRY", "summary": "Asked when the tariff changes."}"""
                .formatted(customer));
        assertThat(enquiry.status()).as(enquiry.body()).isEqualTo(201);
        var praise = agent.post("/api/v1/calls", """
                {"customerId": "%s", "channel": "HOTLINE", "kind": "PRAISE", "summary": "Thanked the repair crew."}"""
                .formatted(customer));
        assertThat(praise.status()).as(praise.body()).isEqualTo(201);
        assertThat(praise.json().has("caseId")).isFalse();

        var contacts = list(agent.get("/api/v1/customers/" + customer + "/timeline").json().path("entries")).stream()
                .filter(e -> e.path("type").asText().equals("CONTACT")).toList();
        assertThat(contacts).extracting(e -> e.path("kind").asText() + " " + e.path("by").asText() + " " + e.path("text").asText())
                .containsExactly("PRAISE customerservice Thanked the repair crew.",
                        "ENQUIRY channelsystems Asked when the tariff changes.");

        var today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        var report = Api.at(port).as(Groups.SUPERVISORS)
                .get("/api/v1/reports/contacts?from=" + today.minusDays(1) + "&to=" + today + "&format=csv");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body()).startsWith("month,channel,kind,contacts\r\n").contains(",WECHAT,ENQUIRY,", ",HOTLINE,PRAISE,");
    }

    @Test
    void badCallsAndContactsAre4xxNamingTheFieldAndCreateNothing() {
        var customer = testData.residential();
        record Bad(String path, String body, int status, String field) {}
        var bad = List.of(
                new Bad("/api/v1/calls", "{\"customerId\":\"%s\",\"channel\":\"HOTLINE\",\"kind\":\"COMPLAINT\"}", 400, "complaint"),
                new Bad("/api/v1/calls", "{\"customerId\":\"%s\",\"channel\":\"HOTLINE\",\"kind\":\"ENQUIRY\"}", 400, "summary"),
                new Bad("/api/v1/calls", "{\"customerId\":\"%s\",\"channel\":\"HOTLINE\",\"kind\":\"ENQUIRY\",\"summary\":\"x\","
                        + "\"complaint\":{\"category\":\"METER\",\"description\":\"d\"}}", 400, "complaint"),
                new Bad("/api/v1/calls", "{\"customerId\":\"%s\",\"channel\":\"HOTLINE\",\"kind\":\"COMPLAINT\","
                        + "\"complaint\":{\"category\":\"METER\"}}", 400, "complaint.description"),
                new Bad("/api/v1/calls", "{\"customerId\":\"%s\",\"channel\":\"HOTLINE\",\"kind\":\"SERVICE_REQUEST\","
                        + "\"serviceRequest\":{\"type\":\"NEW_CONNECTION\",\"details\":{}}}", 400, "serviceRequest.details"),
                new Bad("/api/v1/calls", "{\"customerId\":\"%s\",\"channel\":\"SYSTEM\",\"kind\":\"PRAISE\",\"summary\":\"x\"}",
                        400, "channel"),
                new Bad("/api/v1/contacts", "{\"customerId\":\"%s\",\"channel\":\"HOTLINE\",\"kind\":\"COMPLAINT\",\"summary\":\"x\"}",
                        400, "kind"),
                new Bad("/api/v1/contacts", "{\"customerId\":\"%s\",\"channel\":\"HOTLINE\",\"kind\":\"ENQUIRY\"}", 400, "summary"),
                new Bad("/api/v1/contacts", "{\"customerId\":\"%s\",\"channel\":\"HOTLINE\",\"kind\":\"ENQUIRY\",\"summary\":\"a\\u0000b\"}",
                        400, "summary"),
                new Bad("/api/v1/contacts", "{\"customerId\":\"%s-NOBODY\",\"channel\":\"HOTLINE\",\"kind\":\"ENQUIRY\",\"summary\":\"x\"}",
                        404, "customerId"));
        for (var b : bad) {
            var answer = agent.post(b.path(), b.body().formatted(customer));
            assertThat(answer.status()).as(b.body() + " -> " + answer.body()).isEqualTo(b.status());
            assertThat(answer.contentType()).isEqualTo("application/problem+json");
            assertThat(answer.body()).as(b.body()).contains(b.field());
        }
        assertThat(rows("service_case", customer)).isZero();
        assertThat(rows("customer_contact", customer)).isZero();

        for (var q : List.of("x", " a ", "", "%00")) {
            var answer = agent.get("/api/v1/search?q=" + q.replace(" ", "%20"));
            assertThat(answer.status()).as("q=" + q).isEqualTo(400);
            assertThat(answer.json().path("detail").asText()).startsWith("q: ");
        }
    }

    @Test
    void revealingContactDataNeedsAReasonAndLeavesAnAccessLogEntryForAdministrators() {
        var customer = testData.residential();
        var noReason = agent.post("/api/v1/customers/" + customer + "/reveal", "{\"field\":\"PHONE\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().path("detail").asText()).contains("reason");
        var blankReason = agent.post("/api/v1/customers/" + customer + "/reveal", "{\"field\":\"PHONE\",\"reason\":\"  \"}");
        assertThat(blankReason.status()).isEqualTo(400);
        var badField = agent.post("/api/v1/customers/" + customer + "/reveal", "{\"field\":\"ID_CARD\",\"reason\":\"why\"}");
        assertThat(badField.status()).isEqualTo(400);
        assertThat(badField.body()).contains("field");
        assertThat(rows("customer_access_log", customer)).isZero();

        var profile = agent.get("/api/v1/customers/" + customer).json();
        assertThat(profile.path("phone").asText()).isEqualTo("138****8000");
        var revealed = agent.post("/api/v1/customers/" + customer + "/reveal",
                "{\"field\":\"PHONE\",\"reason\":\"Caller's line dropped; calling back\"}");
        assertThat(revealed.status()).as(revealed.body()).isEqualTo(200);
        assertThat(revealed.json().path("value").asText()).isEqualTo("13800138000");

        assertThat(agent.get("/api/v1/customers/" + customer + "/access-log").status()).isEqualTo(403);
        var log = Api.at(port).as(Groups.ADMINS).get("/api/v1/customers/" + customer + "/access-log").json();
        assertThat(log.size()).isEqualTo(1);
        assertThat(log.get(0).path("accessedBy").asText()).isEqualTo(TestData.user(Groups.CUSTOMER_SERVICE));
        assertThat(log.get(0).path("field").asText()).isEqualTo("PHONE");
        assertThat(log.get(0).path("reason").asText()).isEqualTo("Caller's line dropped; calling back");
        assertThat(log.get(0).path("id").asLong()).isEqualTo(revealed.json().path("accessLogId").asLong());
        assertThat(log.get(0).path("accessedAt").asText()).isNotEmpty();
    }

    @Test
    void consumptionShowsEachOfTheLast24MonthsWithTheSameMonthAYearBeforeAndPayment() {
        var customer = testData.residential();
        var chart = agent.get("/api/v1/customers/" + customer + "/consumption?months=24").json();
        var months = list(chart.path("months"));
        assertThat(months).hasSize(24);
        var thisMonth = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai"));
        assertThat(months.get(23).path("month").asText()).isEqualTo(thisMonth.toString());
        // test customers have the 12 months before this one, 300 kWh each, paid on time
        var lastMonth = months.get(22);
        assertThat(lastMonth.path("kwh").asDouble()).isEqualTo(300.0);
        assertThat(lastMonth.path("paidOnTime").asBoolean()).isTrue();
        assertThat(lastMonth.has("kwhYearBefore")).isFalse();
        assertThat(months.get(10).has("kwh")).isFalse();
        assertThat(agent.get("/api/v1/customers/" + customer + "/consumption?months=0").status()).isEqualTo(400);
        assertThat(agent.get("/api/v1/customers/NOBODY-17/consumption").status()).isEqualTo(404);
    }

    @Test
    void anErasureReachesContactSummariesAndAccessLogReasons() {
        var customer = testData.residential();
        var name = "Test customer " + customer;
        assertThat(agent.post("/api/v1/calls", """
                {"customerId": "%s", "channel": "HOTLINE", "kind": "SUGGESTION", "summary": "%s suggests SMS reminders."}"""
                .formatted(customer, name)).status()).isEqualTo(201);
        assertThat(agent.post("/api/v1/customers/" + customer + "/reveal",
                "{\"field\":\"PHONE\",\"reason\":\"%s asked for a call back on 13800138000\"}".formatted(name))
                .status()).isEqualTo(200);

        var erased = Api.at(port).as(Groups.ADMINS).post("/api/v1/customers/" + customer + "/erasure", "{}");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().path("rows").path("customer_contact").asInt()).isEqualTo(1);
        assertThat(erased.json().path("rows").path("customer_access_log").asInt()).isPositive();
        var summaries = jdbc.sql("SELECT summary FROM customer_contact WHERE customer_id = ?").param(customer)
                .query(String.class).list();
        var reasons = jdbc.sql("SELECT reason FROM customer_access_log WHERE customer_id = ?").param(customer)
                .query(String.class).list();
        assertThat(summaries).singleElement().asString().doesNotContain(name).contains("[erased] suggests");
        assertThat(reasons).singleElement().asString().doesNotContain(name).doesNotContain("13800138000");
    }
}
