package com.gridcare.security;

import com.gridcare.kernel.Groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An object variable of a type outside GridCare's own (and Java's plain values and collections) is
 * refused when it is written, through every way of writing one, with a 400 that names the type;
 * the task stays readable for everyone.
 */
@GridCareTest
class ObjectVariableTypesTest {

    private static final String PROCESS_BUILDER = """
            {"value":"{\\"command\\":[\\"touch\\",\\"target/pwned\\"]}","type":"Object",
             "valueInfo":{"objectTypeName":"%s","serializationDataFormat":"application/json"}}""";

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;

    private String taskId;
    private String processInstanceId;
    private Api agent;

    @BeforeEach
    void openComplaint() {
        testData.users();
        var receipt = Api.at(port).as(Groups.CHANNEL_SYSTEMS).post("/api/v1/complaints", """
                {"customerId":"%s","channel":"HOTLINE","category":"METER","description":"Meter shows nothing"}"""
                .formatted(testData.residential()));
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
        processInstanceId = receipt.json().path("processInstanceId").asText();
        taskId = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
        agent = Api.at(port).as(receipt.json().path("assignedGroup").asText());
    }

    private static String object(String typeName) {
        return PROCESS_BUILDER.formatted(typeName);
    }

    private void assertRefusedNaming(Api.Answer answer, String typeName) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.body()).contains(typeName).contains("not allowed");
    }

    private void assertTaskStillReadable() {
        assertThat(agent.get("/engine-rest/task/" + taskId + "/variables").status()).isEqualTo(200);
        assertThat(agent.get("/engine-rest/task/" + taskId + "/form-variables").status()).isEqualTo(200);
        assertThat(Api.at(port).as(Groups.SUPERVISORS).get("/engine-rest/task/" + taskId + "/variables").status())
                .isEqualTo(200);
        assertThat(tasks.getVariables(taskId)).doesNotContainKeys("foreign", "foreignList");
    }

    @Test
    void theIssuesProcessBuilderAsALocalTaskVariableIsRefusedAndTheTaskStaysReadable() {
        var answer = agent.put("/engine-rest/task/" + taskId + "/localVariables/foreign", object("java.lang.ProcessBuilder"));

        assertRefusedNaming(answer, "java.lang.ProcessBuilder");
        assertTaskStillReadable();
    }

    @Test
    void everyWayOfWritingVariablesOverRestRefusesForeignTypes() {
        var type = "java.lang.ProcessBuilder";
        var modification = "{\"modifications\":{\"foreign\":" + object(type) + "}}";
        assertRefusedNaming(agent.post("/engine-rest/task/" + taskId + "/localVariables", modification), type);
        assertRefusedNaming(agent.post("/engine-rest/task/" + taskId + "/variables", modification), type);
        assertRefusedNaming(agent.post("/engine-rest/task/" + taskId + "/submit-form",
                "{\"variables\":{\"foreign\":" + object(type) + "}}"), type);
        assertRefusedNaming(agent.post("/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"foreign\":" + object(type) + "}}"), type);
        var generic = "java.util.ArrayList<java.lang.ProcessBuilder>";
        assertRefusedNaming(agent.put("/engine-rest/task/" + taskId + "/localVariables/foreignList", object(generic)),
                generic);

        var admin = Api.at(port).as(Groups.ADMINS);
        assertRefusedNaming(admin.put("/engine-rest/process-instance/" + processInstanceId + "/variables/foreign",
                object("javax.script.ScriptEngineManager")), "javax.script.ScriptEngineManager");
        assertRefusedNaming(admin.post("/engine-rest/process-instance/" + processInstanceId + "/variables", modification),
                type);
        assertRefusedNaming(admin.put("/engine-rest/execution/" + processInstanceId + "/localVariables/foreign",
                object(type)), type);
        assertRefusedNaming(admin.post("/engine-rest/process-instance/" + processInstanceId + "/modification", """
                {"instructions":[{"type":"startBeforeActivity","activityId":"Task_ContactCustomer",
                  "variables":{"foreign":%s}}]}""".formatted(object(type))), type);

        assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the task was not completed").isOne();
        assertThat(tasks.createTaskQuery().processInstanceId(processInstanceId).count()).as("nothing was started").isOne();
        assertTaskStillReadable();
    }

    @Test
    void gridCaresOwnCodeCannotWriteOneEither() {
        assertThatThrownBy(() -> runtime.setVariable(processInstanceId, "foreign", Variables.serializedObjectValue("{}")
                .serializationDataFormat(SerializationDataFormats.JSON).objectTypeName("java.lang.Runtime").create()))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("java.lang.Runtime");
        assertThatThrownBy(() -> runtime.setVariable(processInstanceId, "foreign", Variables.objectValue(new Thread())
                .serializationDataFormat(SerializationDataFormats.JSON).create()))
                .hasMessageContaining("java.lang.Thread");
        assertThat(runtime.getVariables(processInstanceId)).doesNotContainKey("foreign");
    }

    @Test
    void plainJavaValuesAndCollectionsAsJsonStayAllowed() {
        runtime.setVariable(processInstanceId, "accounts", Variables.objectValue(new java.util.ArrayList<>(List.of("A", "B")))
                .serializationDataFormat(SerializationDataFormats.JSON).create());
        assertThat(runtime.getVariable(processInstanceId, "accounts")).isEqualTo(List.of("A", "B"));

        var answer = agent.put("/engine-rest/task/" + taskId + "/localVariables/note", """
                {"value":"{\\"a\\":1}","type":"Object","valueInfo":{"objectTypeName":"java.util.HashMap<java.lang.String,java.lang.Integer>",
                 "serializationDataFormat":"application/json"}}""");
        assertThat(answer.status()).as(answer.body()).isEqualTo(204);
        assertThat(tasks.getVariableLocal(taskId, "note")).isEqualTo(Map.of("a", 1));

        // a transient variable is never stored, so no one reads it back: any value may pass between steps
        runtime.setVariable(processInstanceId, "passing", Variables.untypedValue(java.time.OffsetDateTime.now(), true));
        assertThat(runtime.getVariables(processInstanceId)).doesNotContainKey("passing");
    }
}
