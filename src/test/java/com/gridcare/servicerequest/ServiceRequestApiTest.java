package com.gridcare.servicerequest;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code POST /api/v1/service-requests} and its documents call over HTTP: each type's details checked, nothing half-created. */
@GridCareTest
class ServiceRequestApiTest {

    static final String IN_TEN_DAYS = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10).toString();

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcClient jdbc;

    Api channel;
    String customer;

    @BeforeEach
    void setUp() {
        testData.users();
        channel = Api.at(port).as(Groups.CHANNEL_SYSTEMS);
        customer = testData.residential();
    }

    Api.Answer post(String type, String details, String... headers) {
        return channel.post("/api/v1/service-requests", """
                {"customerId": "%s", "type": "%s", "channel": "APP", "details": %s}"""
                .formatted(customer, type, details.replace("IN_TEN_DAYS", IN_TEN_DAYS)), headers);
    }

    int cases() {
        return jdbc.sql("SELECT COUNT(*) FROM service_case WHERE customer_id = ?").param(customer).query(Integer.class)
                .single();
    }

    long instances() {
        return runtime.createProcessInstanceQuery().processDefinitionKey("service-request").count();
    }

    @ParameterizedTest(name = "{0} {1} → 400 naming {2}")
    @CsvSource(delimiter = '|', value = {
            "NEW_CONNECTION       | {\"capacityKva\": 8}                                        | details.voltageKv",
            "NEW_CONNECTION       | {\"voltageKv\": \"ten\", \"capacityKva\": 8}                | details.voltageKv",
            "NEW_CONNECTION       | {\"voltageKv\": 0.01, \"capacityKva\": 8}                   | details.voltageKv",
            "NEW_CONNECTION       | {\"voltageKv\": 10, \"capacityKva\": 800, \"supply\": \"TRIPLE\"} | details.supply",
            "NEW_CONNECTION       | {\"voltageKv\": 0.4, \"capacityKva\": 8, \"documents\": [\"PASSPORT\"]} | details.documents[0]",
            "CAPACITY_CHANGE      | {\"voltageKv\": 10}                                         | details.capacityKva",
            "CAPACITY_CHANGE      | {\"voltageKv\": 10, \"capacityKva\": 0}                     | details.capacityKva",
            "METER_TEST           | {}                                                          | details.meterNumber",
            "METER_TEST           | {\"meterNumber\": \"12 34!\"}                               | details.meterNumber",
            "MOVE_IN              | {\"moveDate\": \"next Monday\"}                             | details.moveDate",
            "MOVE_IN              | {\"moveDate\": \"2020-01-01\"}                              | details.moveDate",
            "MOVE_OUT             | {\"moveDate\": \"IN_TEN_DAYS\", \"finalReadingKwh\": -1}    | details.finalReadingKwh",
            "MOVE_OUT             | {\"moveDate\": \"IN_TEN_DAYS\", \"voltageKv\": 10}          | details.voltageKv",
            "TARIFF_CHANGE        | {\"tariff\": \"CHEAPEST\"}                                  | details.tariff",
            "TARIFF_CHANGE        | {}                                                          | details.tariff",
            "OUTAGE_REPAIR        | {}                                                          | details.area",
            "OUTAGE_REPAIR        | {\"area\": \"MOON\"}                                        | details.area",
            "GREEN_PLAN_ENROLMENT | {\"greenSharePercent\": 5}                                  | details.greenSharePercent",
            "GREEN_PLAN_ENROLMENT | {\"greenSharePercent\": 50.5}                               | details.greenSharePercent",
            "GREEN_PLAN_ENROLMENT | \"green please\"                                            | details",
    })
    void badDetailsAreRefusedNamingTheFieldAndNothingIsCreated(String type, String details, String field) {
        int casesBefore = cases();
        long instancesBefore = instances();

        var answer = post(type, details);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
        assertThat(cases()).isEqualTo(casesBefore);
        assertThat(instances()).isEqualTo(instancesBefore);
    }

    @Test
    void missingDetailsTypeOrChannelAreNamed() {
        var noDetails = channel.post("/api/v1/service-requests", """
                {"customerId": "%s", "type": "METER_TEST", "channel": "APP"}""".formatted(customer));
        assertThat(noDetails.status()).isEqualTo(400);
        assertThat(noDetails.json().path("errors").get(0).path("field").asText()).isEqualTo("details");

        var badType = post("SOLAR_PANELS", "{}");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.json().path("errors").get(0).path("field").asText()).isEqualTo("type");

        var system = channel.post("/api/v1/service-requests", """
                {"customerId": "%s", "type": "METER_TEST", "channel": "SYSTEM", "details": {"meterNumber": "M-1234"}}"""
                .formatted(customer));
        assertThat(system.status()).isEqualTo(400);
        assertThat(system.json().path("errors").get(0).path("field").asText()).isEqualTo("channel");
        assertThat(cases()).isZero();
    }

    @Test
    void anUnknownCustomerIs404() {
        var answer = channel.post("/api/v1/service-requests", """
                {"customerId": "NOBODY-%d", "type": "METER_TEST", "channel": "APP", "details": {"meterNumber": "M-1234"}}"""
                .formatted(System.nanoTime() % 100000));
        assertThat(answer.status()).isEqualTo(404);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswerNotASecondCase() {
        var key = "srq-" + System.nanoTime();
        var first = post("METER_TEST", "{\"meterNumber\": \"M-20260001\"}", "Idempotency-Key", key);
        var retry = post("METER_TEST", "{\"meterNumber\": \"M-20260001\"}", "Idempotency-Key", key);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().path("caseId").asText()).isEqualTo(first.json().path("caseId").asText());
        assertThat(first.json().path("assignedGroup").asText()).isEqualTo("metering");
        assertThat(first.json().path("dueAt").asText()).isNotBlank();
        assertThat(cases()).isEqualTo(1);
    }

    @Test
    void documentsForAnUnknownOrNotWaitingRequestAreRefused() {
        var unknown = channel.post("/api/v1/service-requests/SRQ-2026-999999/documents", "{\"documents\": [\"ID_CARD\"]}");
        assertThat(unknown.status()).isEqualTo(404);

        var outage = post("OUTAGE_REPAIR", "{\"area\": \"URBAN\"}");
        assertThat(outage.status()).as(outage.body()).isEqualTo(201);
        var caseId = outage.json().path("caseId").asText();

        var badCode = channel.post("/api/v1/service-requests/" + caseId + "/documents", "{\"documents\": [\"PASSPORT\"]}");
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.json().path("errors").get(0).path("field").asText()).isEqualTo("documents[0]");

        var empty = channel.post("/api/v1/service-requests/" + caseId + "/documents", "{\"documents\": []}");
        assertThat(empty.status()).isEqualTo(400);

        var notWaiting = channel.post("/api/v1/service-requests/" + caseId + "/documents", "{\"documents\": [\"ID_CARD\"]}");
        assertThat(notWaiting.status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT documents FROM service_request WHERE case_id = ?").param(caseId).query(String.class)
                .single()).as("nothing kept on a refused upload").isEmpty();
    }
}
