package com.gridcare.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code GET /api/v1/cases/{caseId}/record}: who may read a case's record, and what it says. */
@GridCareTest
class CaseRecordApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;

    @BeforeEach
    void users() {
        testData.users();
    }

    private String billingComplaint() {
        var answer = Api.at(port).as(Groups.CHANNEL_SYSTEMS).post("/api/v1/complaints", """
                {"customerId": "%s", "channel": "WEB", "category": "BILLING", "description": "Bill too high."}"""
                .formatted(testData.residential()));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("caseId").asText();
    }

    private int status(String group, String caseId) {
        return Api.at(port).as(group).get("/api/v1/cases/" + caseId + "/record").status();
    }

    @Test
    void theCasesGroupSupervisorsAndServiceManagersReadItOtherGroupsAndChannelsMayNot() {
        var caseId = billingComplaint();

        assertThat(status(Groups.BILLING, caseId)).as("the group it was routed to").isEqualTo(200);
        assertThat(status(Groups.SUPERVISORS, caseId)).isEqualTo(200);
        assertThat(status(Groups.SERVICE_MANAGERS, caseId)).isEqualTo(200);
        assertThat(status(Groups.ADMINS, caseId)).isEqualTo(200);
        assertThat(status(Groups.METERING, caseId)).as("a group with no work on it").isEqualTo(403);
        assertThat(status(Groups.CUSTOMER_SERVICE, caseId)).isEqualTo(403);
        assertThat(status(Groups.CHANNEL_SYSTEMS, caseId)).as("channels see the customer's view only").isEqualTo(403);
        assertThat(Api.at(port).get("/api/v1/cases/" + caseId + "/record").status()).isEqualTo(401);
    }

    @Test
    void anUnknownCaseIs404AndAMalformedNumber400() {
        var unknown = Api.at(port).as(Groups.SUPERVISORS).get("/api/v1/cases/CMP-1999-000001/record");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        var malformed = Api.at(port).as(Groups.SUPERVISORS).get("/api/v1/cases/not-a-case/record");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).contains("caseId");
    }

    @Test
    void theRecordShowsTheCaseItsClocksAndItsStepsFromIntakeOn() {
        var caseId = billingComplaint();

        var json = Api.at(port).as(Groups.BILLING).get("/api/v1/cases/" + caseId + "/record").json();

        var serviceCase = json.path("serviceCase");
        assertThat(serviceCase.path("caseId").asText()).isEqualTo(caseId);
        assertThat(serviceCase.path("kind").asText()).isEqualTo("COMPLAINT");
        assertThat(serviceCase.path("category").asText()).isEqualTo("BILLING");
        assertThat(serviceCase.path("tier").asText()).isEqualTo("RESIDENTIAL");
        assertThat(serviceCase.path("group").asText()).isEqualTo(Groups.BILLING);
        assertThat(serviceCase.path("status").asText()).isEqualTo("OPEN");
        assertThat(serviceCase.path("opened").asText()).endsWith("+08:00");
        assertThat(json.path("clocks").findValuesAsText("clock")).containsExactlyInAnyOrder("COMPLAINT_FIRST_CONTACT",
                "COMPLAINT_RESOLUTION", "COMPLAINT_STATUTORY");
        assertThat(json.path("clocks").get(0).path("states").get(0).path("state").asText()).isEqualTo("RUNNING");
        assertThat(json.path("steps").findValuesAsText("kind")).containsExactly("CUSTOMER_EVALUATED", "ROUTED",
                "TASK_CREATED");
        var routed = json.path("steps").get(1);
        assertThat(routed.path("user").asText()).isEqualTo("system");
        assertThat(routed.path("outcome").asText()).isEqualTo(Groups.BILLING);
        assertThat(routed.path("details").path("reason").asText()).startsWith("Routed to billing");
        assertThat(json.path("steps").get(2).path("group").asText()).isEqualTo(Groups.BILLING);
        // the case's history (case_event) is joined in, internal entries too
        assertThat(json.path("events").findValuesAsText("type")).startsWith("RECEIVED");
        assertThat(json.path("events").get(0).path("customerVisible").asBoolean()).isTrue();
    }
}
