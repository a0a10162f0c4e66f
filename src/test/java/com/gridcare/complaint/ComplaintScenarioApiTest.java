package com.gridcare.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.cases.CaseSteps;
import com.gridcare.cases.StepKind;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A complaint over HTTP as the channel and staff meet it: registered by the hotline, every task
 * completed through the engine's task API with the variables Tasklist submits from the forms, the
 * customer told at each step exactly once even when a job runs twice, the case closed; and two
 * staff completing the same task at once through GridCare's API.
 */
@GridCareTest
class ComplaintScenarioApiTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    CaseSteps steps;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    JdbcClient jdbc;

    ExecutorService pool;

    @BeforeEach
    void setUp() {
        testData.users();
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    record Registered(String caseId, String pi) {}

    Registered register(String customerId, String idempotencyKey) {
        var channel = Api.at(port).as(Groups.CHANNEL_SYSTEMS);
        var body = """
                {"customerId": "%s", "channel": "HOTLINE", "category": "BILLING",
                 "description": "The October bill is twice the usual amount.", "contactPhone": "13912345678"}"""
                .formatted(customerId);
        var answer = channel.post("/api/v1/complaints", body, "Idempotency-Key", idempotencyKey);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        var again = channel.post("/api/v1/complaints", body, "Idempotency-Key", idempotencyKey);
        assertThat(again.json().path("caseId").asText()).as("a retried intake").isEqualTo(answer.json().path("caseId").asText());
        return new Registered(answer.json().path("caseId").asText(), answer.json().path("processInstanceId").asText());
    }

    Task task(Registered c, String key) {
        var task = tasks.createTaskQuery().processInstanceId(c.pi()).taskDefinitionKey(key).singleResult();
        assertThat(task).as("open task %s", key).isNotNull();
        return task;
    }

    /** Opens the task as Tasklist does (its form variables) and submits the form's fields. */
    com.fasterxml.jackson.databind.JsonNode submit(Registered c, String key, String group, Map<String, Object> fields)
            throws Exception {
        var staff = Api.at(port).as(group);
        var task = task(c, key);
        var loaded = staff.get("/engine-rest/task/" + task.getId() + "/form-variables");
        assertThat(loaded.status()).as(loaded.body()).isEqualTo(200);
        var variables = new LinkedHashMap<String, Object>();
        // Tasklist sends the read-only fields back unchanged
        variables.put("caseId", Map.of("value", c.caseId()));
        fields.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        var answer = staff.post("/engine-rest/task/" + task.getId() + "/submit-form",
                JSON.writeValueAsString(Map.of("variables", variables)));
        assertThat(answer.status()).as("%s: %s", key, answer.body()).isIn(200, 204);
        return loaded.json();
    }

    /**
     * Runs the waiting async steps as the job executor would, each of them twice at the same moment
     * (a job whose lock expired is picked up by a second node while the first still runs).
     */
    void runJobsTwiceAtOnce(Registered c) throws Exception {
        for (int round = 0; round < 10; round++) {
            var jobs = management.createJobQuery().processInstanceId(c.pi()).messages().executable().list();
            if (jobs.isEmpty()) return;
            for (var job : jobs) {
                var barrier = new CyclicBarrier(2);
                var runs = new ArrayList<Future<?>>();
                for (int i = 0; i < 2; i++) {
                    runs.add(pool.submit(() -> {
                        barrier.await(30, TimeUnit.SECONDS);
                        try {
                            management.executeJob(job.getId());
                        } catch (RuntimeException lostTheRace) {
                            // the other run committed first: this one rolls back
                        }
                        return null;
                    }));
                }
                for (var run : runs) run.get(60, TimeUnit.SECONDS);
            }
        }
    }

    List<String> outbox(Registered c) {
        return jdbc.sql("SELECT template || ':' || step FROM notification_outbox WHERE case_id = ?").param(c.caseId())
                .query(String.class).list();
    }

    @Test
    void shouldTakeAComplaintFromIntakeToClosedThroughTheTasklistFormsAndTellTheCustomerEachStepOnce()
            throws Exception {
        var c = register(testData.residential(), TestData.uniqueId("scenario"));
        assertThat(outbox(c)).containsExactly("ACKNOWLEDGEMENT:Task_AcknowledgeComplaint");

        var contactForm = submit(c, "Task_ContactCustomer", Groups.BILLING,
                Map.of("contactOutcome", "NOT_REACHED", "contactNote", "No answer at 09:10, will call again."));
        // escaped for the form's Markdown text: the asterisks show as they are
        assertThat(contactForm.path("maskedContact").path("value").asText()).contains("139\\*\\*\\*\\*5678")
                .doesNotContain("13912345678");
        assertThat(contactForm.path("complaintDescription").path("value").asText())
                .isEqualTo("The October bill is twice the usual amount.");
        assertThat(contactForm.path("previousComplaints").path("value").asText()).isEqualTo("None / 无");
        assertThat(contactForm.path("slaTimeLeft").path("value").asText()).startsWith("Complaint first contact");
        runJobsTwiceAtOnce(c);

        var retryForm = submit(c, "Task_ContactCustomer", Groups.BILLING,
                Map.of("contactOutcome", "REACHED", "contactNote", "Reached the customer, explained the estimate."));
        assertThat(retryForm.path("contactAttempts").path("value").asText()).contains("No answer at 09:10");
        runJobsTwiceAtOnce(c);

        submit(c, "Task_ResolveComplaint", Groups.BILLING, Map.of("askCustomer", false,
                "rootCause", "METER_READING", "findings", "October was estimated after a missed reading.",
                "justified", "JUSTIFIED", "resolution", "Meter read on site, bill reissued with the real reading.",
                "compensationAmount", 800, "compensationReason", "Two wrong bills in a row"));
        runJobsTwiceAtOnce(c);
        submit(c, "Task_ApproveCompensation", Groups.SUPERVISORS,
                Map.of("compensationDecision", "APPROVED", "approvalNote", "Second wrong bill: approved."));
        runJobsTwiceAtOnce(c);
        submit(c, "Task_ConfirmResult", Groups.BILLING,
                Map.of("customerConfirmation", "RESOLVED", "customerFeedback", "The new bill is right, thanks."));
        runJobsTwiceAtOnce(c);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(c.pi()).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(c.pi())
                .activityId("EndEvent_ComplaintClosed").count()).isEqualTo(1);
        assertThat(outbox(c)).containsExactlyInAnyOrder("ACKNOWLEDGEMENT:Task_AcknowledgeComplaint",
                "INVESTIGATION_STARTED:Task_NotifyInvestigationStarted", "COMPENSATION_APPROVED:0", "RESOLUTION:0",
                "CLOSING_FEEDBACK:Task_SendClosingFeedback");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_request WHERE case_id = ?").param(c.caseId())
                .query(Long.class).single()).isEqualTo(1);

        var status = Api.at(port).as(Groups.CHANNEL_SYSTEMS).get("/api/v1/cases/" + c.caseId());
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().path("status").asText()).isEqualTo("CLOSED");
        assertThat(status.json().path("outcome").path("code").asText()).isEqualTo("RESOLVED");
        assertThat(status.body()).contains("Waiting for your confirmation of the result", "Being investigated")
                .doesNotContain("Contact attempt");
    }

    /**
     * Two members of staff complete the same "Investigate and resolve complaint" at once through
     * GridCare's API, a few times over: one gets 200, the other 409, never 500; one step is taken.
     */
    @Test
    void shouldLetOneOfTwoStaffCompletingTheSameComplaintTaskWinAndAnswerTheOther409() throws Exception {
        var billing = Api.at(port).as(Groups.BILLING);
        var supervisor = Api.at(port).as(Groups.SUPERVISORS);
        for (int round = 0; round < 5; round++) {
            var c = register(testData.residential(), TestData.uniqueId("race"));
            submit(c, "Task_ContactCustomer", Groups.BILLING,
                    Map.of("contactOutcome", "REACHED", "contactNote", "Reached the customer on the phone."));
            runJobsTwiceAtOnce(c);
            var task = task(c, "Task_ResolveComplaint");
            tasks.setAssignee(task.getId(), TestData.user(Groups.SUPERVISORS));
            var barrier = new CyclicBarrier(2);
            var form = """
                    {"variables": {"askCustomer": false, "rootCause": "METER_READING",
                     "findings": "The reading was estimated.", "justified": "JUSTIFIED", "resolution": "%s"}}""";
            Future<Api.Answer> first = pool.submit(() -> {
                barrier.await(30, TimeUnit.SECONDS);
                return billing.post("/api/v1/tasks/" + task.getId() + "/complete",
                        form.formatted("Billing reissued the bill."));
            });
            Future<Api.Answer> second = pool.submit(() -> {
                barrier.await(30, TimeUnit.SECONDS);
                return supervisor.post("/api/v1/tasks/" + task.getId() + "/complete",
                        form.formatted("Supervisor reissued the bill."));
            });
            var answers = List.of(first.get(60, TimeUnit.SECONDS), second.get(60, TimeUnit.SECONDS));

            assertThat(answers).extracting(Api.Answer::status).as("round %d: %s", round, answers)
                    .containsExactlyInAnyOrder(200, 409);
            var winner = answers.get(0).status() == 200 ? "Billing reissued the bill." : "Supervisor reissued the bill.";
            assertThat(steps.all(c.caseId(), StepKind.RESOLUTION)).as("one resolution recorded").singleElement()
                    .satisfies(r -> assertThat(r.text("resolution")).isEqualTo(winner));
            runJobsTwiceAtOnce(c);
            assertThat(tasks.createTaskQuery().processInstanceId(c.pi()).taskDefinitionKey("Task_ConfirmResult").count())
                    .as("one step taken").isEqualTo(1);
            assertThat(outbox(c)).filteredOn(n -> n.startsWith("RESOLUTION")).containsExactly("RESOLUTION:0");
        }
    }
}
