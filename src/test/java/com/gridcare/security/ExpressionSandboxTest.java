package com.gridcare.security;

import com.gridcare.kernel.Groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Expressions in models, decision tables and stored filters reach only the whitelisted beans and the
 * execution's or task's own data: what the text shows is refused at deployment (or on saving the
 * filter) with the element and the expression in the message, the rest when the expression runs.
 */
@GridCareTest
class ExpressionSandboxTest {

    private static final Path MARKER = Path.of("target", "sandbox-marker.txt").toAbsolutePath();

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    FilterService filters;
    @Autowired
    ProcessEngine engine;

    private final List<String> deployments = new ArrayList<>();

    @BeforeEach
    void users() throws IOException {
        testData.users();
        Files.deleteIfExists(MARKER);
    }

    @AfterEach
    void cleanUp() {
        deployments.forEach(id -> repository.deleteDeployment(id, true, true, true));
        deployments.clear();
    }

    /** A process whose service task runs the expression and then waits. */
    private static String serviceTask(String key, String expression) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
                    <bpmn:serviceTask id="Task_Probe" camunda:expression="%s" camunda:resultVariable="result">
                      <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
                    </bpmn:serviceTask>
                    <bpmn:receiveTask id="Task_Wait"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:receiveTask>
                    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_Probe"/>
                    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Probe" targetRef="Task_Wait"/>
                  </bpmn:process>
                </bpmn:definitions>""".formatted(key, expression.replace("&", "&amp;").replace("\"", "&quot;")
                .replace("<", "&lt;"));
    }

    private Api.Answer deployOverRest(String key, String xml) {
        var answer = Api.at(port).as(Groups.ADMINS).postFiles("/engine-rest/deployment/create",
                Map.of(key + ".bpmn", xml.getBytes(StandardCharsets.UTF_8)), "deployment-name", key);
        if (answer.status() == 200) deployments.add(answer.json().path("id").asText());
        return answer;
    }

    private void deploy(String key, String xml) {
        deployments.add(repository.createDeployment().name(key).addString(key + ".bpmn", xml).deploy().getId());
    }

    @Test
    void theProbeModelsOfTheIssueAreRefusedAtDeploymentAndCreateNothing() {
        var file = "${''.getClass().forName('java.io.File').getConstructor(''.getClass()).newInstance('"
                + MARKER.toString().replace("\\", "/") + "').createNewFile()}";
        var services = "${execution.getProcessEngineServices().getIdentityService().createUserQuery().count()}";

        for (var probe : List.of(file, services)) {
            var answer = deployOverRest("sandbox-probe", serviceTask("sandbox-probe", probe));
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.body()).contains("Task_Probe").contains(probe.substring(0, 30));
            assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("sandbox-probe").count()).isZero();
        }
        assertThat(answerOf(file)).contains("'getClass'");
        assertThat(answerOf(services)).contains("'getProcessEngineServices'");
        assertThat(MARKER).doesNotExist();
    }

    private String answerOf(String expression) {
        return deployOverRest("sandbox-probe", serviceTask("sandbox-probe", expression)).json().path("message").asText();
    }

    @Test
    void whatTheTextShowsIsRefusedAtDeployment() {
        var refused = List.of(
                "${execution.processEngineServices.runtimeService}",
                "${execution.getProcessEngine()}",
                "${execution.getBpmnModelInstance()}",
                "${execution.getProcessInstance().getProcessEngineServices()}",
                "${task.execution.processEngineServices}",
                "${execution['getClass']()}",
                "${execution[methodName]()}",
                "${slaClocks.getClass()}",
                "${slaClocks.class}",
                "${slaClocks['class'].classLoader}",
                "${goodwill.needsApproval(execution).getClass()}",
                "${caseId.getBytes()}",
                "${'x'.concat('y')}",
                "${dateTime().getClass()}",
                "${S('{}').prop('a')}");
        for (var expression : refused) {
            var answer = deployOverRest("sandbox-refused", serviceTask("sandbox-refused", expression));
            assertThat(answer.status()).as("%s: %s", expression, answer.body()).isEqualTo(400);
            assertThat(answer.json().path("message").asText()).as(expression).contains("Task_Probe")
                    .contains("is not allowed in GridCare models");
        }
        var malformed = deployOverRest("sandbox-refused", serviceTask("sandbox-refused", "${notAnExpression(}"));
        assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
    }

    @Test
    void scriptsAndJavaClassesInModelsAreRefused() {
        var juelScript = serviceTask("sandbox-script", "${true}").replace(
                "<bpmn:serviceTask id=\"Task_Probe\" camunda:expression=\"${true}\" camunda:resultVariable=\"result\">",
                "<bpmn:scriptTask id=\"Task_Probe\" scriptFormat=\"juel\"><bpmn:script>${1 + 1}</bpmn:script>")
                .replace("</bpmn:serviceTask>", "</bpmn:scriptTask>");
        assertThat(deployOverRest("sandbox-script", juelScript).body()).contains("Script language 'juel' is not allowed");

        var javaClass = serviceTask("sandbox-class", "${true}").replace("camunda:expression=\"${true}\"",
                "camunda:class=\"org.camunda.bpm.engine.impl.bpmn.behavior.NoneStartEventActivityBehavior\"");
        var answer = deployOverRest("sandbox-class", javaClass);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("A Java class").contains("Task_Probe");

        var scriptedCondition = serviceTask("sandbox-condition", "${true}").replace(
                "<bpmn:sequenceFlow id=\"Flow_2\" sourceRef=\"Task_Probe\" targetRef=\"Task_Wait\"/>",
                "<bpmn:sequenceFlow id=\"Flow_2\" sourceRef=\"Task_Probe\" targetRef=\"Task_Wait\">"
                        + "<bpmn:conditionExpression language=\"juel\">${true}</bpmn:conditionExpression></bpmn:sequenceFlow>");
        assertThat(deployOverRest("sandbox-condition", scriptedCondition).body()).contains("Flow_2")
                .contains("is not allowed");
    }

    @Test
    void whatTheShippedModelsDoStillDeploysAndRuns() {
        var key = "sandbox-allowed";
        deploy(key, serviceTask(key, "${execution.setVariable('seen', execution.getVariable('input') == 'x'"
                + " and execution.processBusinessKey == 'BK-1')}"));
        var instance = runtime.startProcessInstanceByKey(key, "BK-1", Map.of("input", "x"));
        assertThat(runtime.getVariable(instance.getId(), "seen")).isEqualTo(true);

        var clock = "sandbox-bean";
        deploy(clock, serviceTask(clock, "${dateTime().plusDays(1).toDate() != null and execution.id != null}"));
        var started = runtime.startProcessInstanceByKey(clock);
        assertThat(runtime.getVariable(started.getId(), "result")).isEqualTo(true);
    }

    @Test
    void everyShippedModelDeploysAgainUnderTheSandbox() throws IOException {
        try (var files = Files.list(Path.of("processes"))) {
            var models = files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList();
            assertThat(models).hasSizeGreaterThanOrEqualTo(5);
            for (var model : models) {
                var deployment = repository.createDeployment().name("sandbox-shipped")
                        .addString(model.getFileName().toString(), Files.readString(model)).deploy();
                deployments.add(deployment.getId());
                assertThat(repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).count())
                        .as(model.toString()).isOne();
            }
        }
    }

    @Test
    void whatOnlyTheValuesShowIsRefusedWhenTheExpressionRuns() throws IOException {
        var read = "sandbox-runtime-read";
        deploy(read, serviceTask(read, "${text[property]}"));
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(read, Map.of("text", "x", "property", "class")))
                .hasMessageContaining("may not read 'class'");

        var call = "sandbox-runtime-call";
        deploy(call, serviceTask(call, "${dateTime().toDate().getTime()}"));
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(call))
                .hasMessageContaining("may not call 'getTime' on an object of java.util.Date");

        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThatThrownBy(() -> configuration.getCommandExecutorTxRequired().execute(context -> configuration
                .getExpressionManager().createExpression("${''.getClass().forName('java.io.File')}").getValue(null)))
                .hasMessageContaining("may not call 'getClass'");
        assertThat(MARKER).doesNotExist();
    }

    @Test
    void decisionTablesMayUseFeelOnlyAndCaseModelsAreRefused() {
        var dmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                    xmlns:camunda="http://camunda.org/schema/1.0/dmn" id="D" name="D" namespace="t">
                  <decision id="Decision_Probe" name="Probe" camunda:historyTimeToLive="P1D">
                    <decisionTable id="DecisionTable_1">
                      <input id="Input_1"><inputExpression id="InputExpression_1" typeRef="string"%s>
                        <text>%s</text></inputExpression></input>
                      <output id="Output_1" name="out" typeRef="string"/>
                      <rule id="Rule_1"><inputEntry id="InputEntry_1"><text>-</text></inputEntry>
                        <outputEntry id="OutputEntry_1"><text>"ok"</text></outputEntry></rule>
                    </decisionTable>
                  </decision>
                </definitions>""";
        var admin = Api.at(port).as(Groups.ADMINS);
        var juel = admin.postFiles("/engine-rest/deployment/create", Map.of("probe.dmn", dmn.formatted(
                " expressionLanguage=\"juel\"", "${''.getClass()}").getBytes(StandardCharsets.UTF_8)),
                "deployment-name", "sandbox-dmn");
        assertThat(juel.status()).as(juel.body()).isEqualTo(400);
        assertThat(juel.body()).contains("InputExpression_1").contains("'juel' is not allowed");

        var feel = admin.postFiles("/engine-rest/deployment/create", Map.of("probe.dmn", dmn.formatted("", "season")
                .getBytes(StandardCharsets.UTF_8)), "deployment-name", "sandbox-dmn");
        assertThat(feel.status()).as(feel.body()).isEqualTo(200);
        deployments.add(feel.json().path("id").asText());

        var cmmn = admin.postFiles("/engine-rest/deployment/create", Map.of("probe.cmmn", "<definitions/>"
                .getBytes(StandardCharsets.UTF_8)), "deployment-name", "sandbox-cmmn");
        assertThat(cmmn.status()).isEqualTo(400);
        assertThat(cmmn.body()).contains("CMMN");
    }

    @Test
    void storedFiltersKeepTheirFunctionsAndRefuseAnythingElse() {
        var admin = Api.at(port).as(Groups.ADMINS);
        var refused = admin.post("/engine-rest/filter/create", """
                {"resourceType":"Task","name":"sandbox-filter","owner":"x",
                 "query":{"assigneeExpression":"${''.getClass().getName()}"}}""");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("sandbox-filter").contains("getClass");
        assertThat(filters.createFilterQuery().filterName("sandbox-filter").count()).isZero();

        var allowed = admin.post("/engine-rest/filter/create", """
                {"resourceType":"Task","name":"sandbox-filter","owner":"x",
                 "query":{"assigneeExpression":"${currentUser()}","dueBeforeExpression":"${dateTime().plusDays(2).toDate()}"}}""");
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
        var id = allowed.json().path("id").asText();
        try {
            assertThat(admin.get("/engine-rest/filter/" + id + "/list?maxResults=5").status()).isEqualTo(200);
        } finally {
            filters.deleteFilter(id);
        }

        // the shared filters of Tasklist, with currentUserGroups(), now() and startOfDay(), list for an agent
        var agent = Api.at(port).as(Groups.CUSTOMER_SERVICE);
        var shared = agent.get("/engine-rest/filter?resourceType=Task&maxResults=100").json();
        assertThat(shared.size()).isGreaterThanOrEqualTo(8);
        for (var filter : shared) {
            var listed = agent.get("/engine-rest/filter/" + filter.path("id").asText() + "/list?maxResults=5");
            assertThat(listed.status()).as("%s: %s", filter.path("name").asText(), listed.body()).isEqualTo(200);
        }
    }
}
