package com.gridcare.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Mistakes an administrator can make through Camunda's REST API that used to answer 500: each is a
 * 400 whose message names what is wrong, and nothing is left half-written.
 */
@GridCareTest
class EngineRestClientMistakesTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    IdentityService identity;
    @Autowired
    RuntimeService runtime;
    @Autowired
    RepositoryService repository;

    private Api admin;

    @BeforeEach
    void users() {
        testData.users();
        admin = Api.at(port).as(Groups.ADMINS);
    }

    private static void assertBadRequestNaming(Api.Answer answer, String... words) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains(words);
    }

    @Test
    void startingACaseProcessWithoutItsCaseIsA400NamingTheCaseId() {
        for (var key : new String[] {"complaint-handling", "service-request"}) {
            var before = runtime.createProcessInstanceQuery().processDefinitionKey(key).count();
            assertBadRequestNaming(admin.post("/engine-rest/process-definition/key/" + key + "/start", "{}"), "caseId",
                    "POST /api/v1/complaints");
            assertBadRequestNaming(admin.post("/engine-rest/process-definition/key/" + key + "/start",
                    "{\"variables\":{\"caseId\":{\"value\":\"CMP-1999-000001\",\"type\":\"String\"}}}"), "CMP-1999-000001");
            assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(key).count()).as(key).isEqualTo(before);
        }
    }

    @Test
    void idsAndNamesLongerThanTheirColumnsAreA400NamingTheField() {
        var longId = "u".repeat(300);
        assertBadRequestNaming(admin.post("/engine-rest/user/create", """
                {"profile":{"id":"%s","firstName":"A","lastName":"B"},"credentials":{"password":"secret-1"}}"""
                .formatted(longId)), "user id", "at most 64");
        assertBadRequestNaming(admin.post("/engine-rest/user/create", """
                {"profile":{"id":"mistakeuser","firstName":"%s","lastName":"B"},"credentials":{"password":"secret-1"}}"""
                .formatted("a".repeat(300))), "first name", "at most 255");
        assertBadRequestNaming(admin.post("/engine-rest/group/create", """
                {"id":"%s","name":"Long","type":"WORKFLOW"}""".formatted("g".repeat(300))), "group id", "at most 64");
        assertBadRequestNaming(admin.put("/engine-rest/group/" + Groups.BILLING + "/members/nosuchmember", ""),
                "no user 'nosuchmember'");
        assertThat(identity.createUserQuery().userId(longId).count()).isZero();
        assertThat(identity.createUserQuery().userId("mistakeuser").count()).isZero();
    }

    @Test
    void variableNamesAndValuesLongerThanTheirColumnsAreA400() {
        var key = "mistakes-wait";
        var deployment = repository.createDeployment().name(key).addString(key + ".bpmn", """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
                  <bpmn:process id="mistakes-wait" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
                    <bpmn:receiveTask id="Task_Wait"><bpmn:incoming>Flow_1</bpmn:incoming></bpmn:receiveTask>
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_Wait"/>
                  </bpmn:process>
                </bpmn:definitions>""").deploy();
        try {
            var instance = runtime.startProcessInstanceByKey(key).getId();
            var longName = "v".repeat(400);
            assertBadRequestNaming(admin.put("/engine-rest/process-instance/" + instance + "/variables/" + longName,
                    "{\"value\":\"x\",\"type\":\"String\"}"), "Variable name", "at most 255");
            assertBadRequestNaming(admin.post("/engine-rest/process-instance/" + instance + "/variables",
                    "{\"modifications\":{\"" + longName + "\":{\"value\":\"x\",\"type\":\"String\"}}}"),
                    "Variable name", "at most 255");
            assertBadRequestNaming(admin.post("/engine-rest/process-instance/" + instance + "/variables",
                    "{\"modifications\":{\"note\":{\"value\":\"" + "x".repeat(5000) + "\",\"type\":\"String\"}}}"),
                    "Variable 'note'", "at most 4000");
            assertBadRequestNaming(admin.postFiles("/engine-rest/deployment/create", Map.of("mistake.bpmn",
                    """
                            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
                              <bpmn:process id="mistake" isExecutable="true" camunda:historyTimeToLive="P1D">
                                <bpmn:startEvent id="StartEvent_1"/>
                                <bpmn:serviceTask id="Task_1" camunda:expression="${a(}"/>
                              </bpmn:process>
                            </bpmn:definitions>"""
                            .getBytes(StandardCharsets.UTF_8)), "deployment-name", "mistake"), "${a(}");
            assertThat(runtime.getVariables(instance)).isEmpty();
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }
}
