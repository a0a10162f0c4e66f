package com.gridcare.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@GridCareTest
class ComplaintIntakeApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    JdbcClient jdbc;

    Api channel;

    @BeforeEach
    void setUp() {
        testData.users();
        channel = Api.at(port).as(Groups.CHANNEL_SYSTEMS);
    }

    private static String complaint(String customerId, String category) {
        return """
                {"customerId": "%s", "channel": "HOTLINE", "category": "%s",
                 "description": "The invoice for October is twice the usual amount."}""".formatted(customerId, category);
    }

    private int cases() {
        return jdbc.sql("SELECT COUNT(*) FROM service_case").query(Integer.class).single();
    }

    private int processInstances() {
        return jdbc.sql("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE PARENT_ID_ IS NULL").query(Integer.class).single();
    }

    @Test
    void registersAComplaintOfAStrategicCustomerRoutedToKeyAccounts() {
        var customerId = testData.strategic();

        var answer = channel.post("/api/v1/complaints", complaint(customerId, "BILLING"));

        assertThat(answer.status()).isEqualTo(201);
        var body = answer.json();
        assertThat(body.path("caseId").asText()).matches("CMP-\\d{4}-\\d{6}");
        assertThat(body.path("tier").asText()).isEqualTo("STRATEGIC");
        assertThat(body.path("assignedGroup").asText()).isEqualTo("key-accounts");
        assertThat(body.path("priority").asInt()).isEqualTo(85);
        assertThat(body.path("processInstanceId").asText()).isNotBlank();
        assertThat(answer.headers().get("location")).containsExactly("/api/v1/cases/" + body.path("caseId").asText());
    }

    @Test
    void theCaseStatusShowsTheClocksTheIntakeAnswered() {
        var receipt = channel.post("/api/v1/complaints", complaint(testData.residential(), "METER")).json();

        var status = channel.get("/api/v1/cases/" + receipt.path("caseId").asText());

        assertThat(status.status()).isEqualTo(200);
        var dueDates = status.json().path("dueDates");
        assertThat(dueDates.findValuesAsText("clock")).contains("COMPLAINT_FIRST_CONTACT", "COMPLAINT_RESOLUTION");
        for (var dueDate : dueDates) {
            if (dueDate.path("clock").asText().equals("COMPLAINT_FIRST_CONTACT")) {
                assertThat(java.time.OffsetDateTime.parse(dueDate.path("dueAt").asText())).isEqualTo(
                        java.time.OffsetDateTime.parse(receipt.path("firstContactDueAt").asText()));
                assertThat(dueDate.path("zh").asText()).isEqualTo("首次联系客户");
            }
        }
    }

    @Test
    void refusesCallsWithoutCredentials() {
        var answer = Api.at(port).post("/api/v1/complaints", complaint("X-1", "BILLING"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.headers().get("www-authenticate")).isNotEmpty();
    }

    @Test
    void refusesWrongPasswordsAndGroupsWithoutTheOperation() {
        assertThat(Api.at(port).as("nosuchuser", "wrong").post("/api/v1/complaints",
                complaint("X-1", "BILLING")).status()).isEqualTo(401);
        assertThat(Api.at(port).as(Groups.RULE_ANALYSTS).post("/api/v1/complaints",
                complaint("X-1", "BILLING")).status()).isEqualTo(403);
    }

    @Test
    void namesTheMissingFieldAndCreatesNothing() {
        int casesBefore = cases();
        int instancesBefore = processInstances();

        var answer = channel.post("/api/v1/complaints", """
                {"customerId": "R-1", "channel": "HOTLINE", "description": "no category"}""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo("category");
        assertThat(cases()).isEqualTo(casesBefore);
        assertThat(processInstances()).isEqualTo(instancesBefore);
    }

    @Test
    void namesAnUnknownField() {
        var answer = channel.post("/api/v1/complaints", """
                {"customerId": "R-1", "channel": "HOTLINE", "category": "METER", "description": "x", "urgent": true}""");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("detail").asText()).isEqualTo("urgent: unknown field");
    }

    @Test
    void namesAnInvalidEnumValue() {
        var answer = channel.post("/api/v1/complaints", complaint("R-1", "NOISE"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo("category");
        assertThat(answer.json().path("detail").asText()).contains("BILLING");
    }

    @Test
    void answers404ForAnUnknownCustomerAndCreatesNothing() {
        int casesBefore = cases();

        var answer = channel.post("/api/v1/complaints", complaint("NOBODY-" + System.nanoTime() % 100000, "METER"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("detail").asText()).startsWith("customerId");
        assertThat(cases()).isEqualTo(casesBefore);
    }

    @Test
    void answersARetryWithTheSameKeyWithTheFirstAnswer() {
        var customerId = testData.residential();
        var key = TestData.uniqueId("key");

        var first = channel.post("/api/v1/complaints", complaint(customerId, "METER"), "Idempotency-Key", key);
        int casesAfterFirst = cases();
        var retry = channel.post("/api/v1/complaints", complaint(customerId, "METER"), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().path("caseId")).isEqualTo(first.json().path("caseId"));
        assertThat(cases()).isEqualTo(casesAfterFirst);
        assertThat(channel.post("/api/v1/complaints", complaint(customerId, "BILLING"), "Idempotency-Key", key)
                .status()).isEqualTo(409);
    }

    @Test
    void refusesABodyOverOneMegabyte() {
        var answer = channel.post("/api/v1/complaints", complaint("R-1", "METER").replace("The invoice",
                "x".repeat(1_100_000)));

        assertThat(answer.status()).isEqualTo(413);
    }
}
