package com.gridcare.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gridcare.points.PointsLedger;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A complaint taken in over the API and worked to its end through the task API produces exactly one
 * survey; answering it twice with one idempotency key credits the points once. The complaint model
 * grows in parallel, so the test completes whatever user tasks appear, filling each task's form.
 */
@GridCareTest
class SurveyFromComplaintTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestData testData;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    SurveyRepository surveys;
    @Autowired
    PointsLedger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;
    @LocalServerPort
    int port;

    @BeforeEach
    void setUp() {
        testData.users();
    }

    @Test
    void aComplaintClosedEndToEndProducesExactlyOneSurveyAndItsAnswerCreditsPointsOnce() throws IOException {
        var customer = testData.residential();
        var receipt = Api.at(port).as("channel-systems").post("/api/v1/complaints", """
                {"customerId": "%s", "channel": "HOTLINE", "category": "METER",
                 "description": "The meter display has been blank since Monday."}""".formatted(customer));
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
        var caseId = receipt.json().path("caseId").asText();
        var processInstanceId = jdbc.sql("SELECT process_instance_id FROM service_case WHERE id = ?").param(caseId)
                .query(String.class).single();

        workToTheEnd(processInstanceId);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey WHERE case_id = ?").param(caseId).query(Integer.class)
                .single()).isEqualTo(1);
        var survey = surveys.findByCase(caseId).orElseThrow();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(SurveyProcess.KEY)
                .processInstanceBusinessKey(survey.id()).count()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT survey_id FROM survey_request WHERE case_id = ?").param(caseId)
                .query(String.class).single()).isEqualTo(survey.id());

        var fixture = new SurveyFixture(context, port);
        fixture.runJobs(survey);
        assertThat(fixture.reload(survey).status()).isEqualTo(SurveyStatus.INVITED);

        var first = fixture.answer(survey, "{\"score\": 4, \"comment\": \"Fixed in a day\"}", "Idempotency-Key",
                "svy-answer-" + survey.id());
        var second = fixture.answer(survey, "{\"score\": 4, \"comment\": \"Fixed in a day\"}", "Idempotency-Key",
                "svy-answer-" + survey.id());
        fixture.runJobs(survey);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(ledger.entries(customer, 10)).extracting(PointsLedger.Entry::offerCode)
                .containsExactly("SURVEY_THANKS");
        assertThat(ledger.balance(customer)).isEqualTo(50);
    }

    /** Runs the instance's due jobs and completes its user tasks, as their candidate groups, until it ends. */
    private void workToTheEnd(String processInstanceId) throws IOException {
        for (int round = 0; round < 60; round++) {
            if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) return;
            var jobs = management.createJobQuery().processInstanceId(processInstanceId).executable().list();
            if (!jobs.isEmpty()) {
                management.executeJob(jobs.get(0).getId());
                continue;
            }
            var open = tasks.createTaskQuery().processInstanceId(processInstanceId).initializeFormKeys().list();
            assertThat(open).as("complaint %s waits at neither a job nor a task", processInstanceId).isNotEmpty();
            complete(open.get(0));
        }
        throw new AssertionError("complaint " + processInstanceId + " did not end in 60 steps");
    }

    private void complete(Task task) throws IOException {
        var group = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
                .map(l -> l.getGroupId()).findFirst().orElseThrow();
        var variables = json.createObjectNode();
        if (task.getCamundaFormRef() != null) {
            var form = json.readTree(Files.readString(Path.of("forms", task.getCamundaFormRef().getKey() + ".form")));
            fill(form.path("components"), variables);
        }
        var body = json.createObjectNode().set("variables", variables);
        var answer = Api.at(port).as(group).post("/api/v1/tasks/" + task.getId() + "/complete", body.toString());
        assertThat(answer.status()).as("completing %s with %s: %s", task.getTaskDefinitionKey(), variables,
                answer.body()).isEqualTo(200);
    }

    /** A plausible value for every required field the user fills in. */
    private static void fill(JsonNode components, ObjectNode variables) {
        for (var component : components) {
            fill(component.path("components"), variables);
            var key = component.path("key").asText("");
            var validate = component.path("validate");
            if (key.isEmpty() || component.path("readonly").asBoolean(false) || !validate.path("required").asBoolean()) {
                continue;
            }
            switch (component.path("type").asText()) {
                case "textfield", "textarea" -> {
                    var text = "Worked on by the survey test: all done as agreed with the customer.";
                    int max = validate.path("maxLength").asInt(text.length());
                    variables.put(key, text.substring(0, Math.min(max, text.length())));
                }
                case "number" -> variables.put(key, validate.path("min").asDouble(1));
                case "checkbox" -> variables.put(key, true);
                case "select", "radio" -> variables.put(key, component.path("values").path(0).path("value").asText());
                case "checklist", "taglist" -> variables.putArray(key).add(component.path("values").path(0).path("value").asText());
                case "datetime" -> variables.put(key, OffsetDateTime.now().plusDays(1).toString());
                default -> { }
            }
        }
    }
}
