package com.gridcare.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.cases.CaseRecords;
import com.gridcare.cases.CaseSteps;
import com.gridcare.cases.StepKind;
import com.gridcare.api.ConflictException;
import com.gridcare.db.Database;
import com.gridcare.security.ApiUser;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestCases;
import com.gridcare.testsupport.TestData;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
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
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** {@code POST /api/v1/tasks/{taskId}/complete}: form validation, who may, and the race of two completions. */
@GridCareTest
class TaskCompletionApiTest {

    private static final String VALID = """
            {"variables": {"resolution": "Meter replaced on site", "rootCause": "METER_FAULT", "justified": true,
                           "compensation": 120, "followUpOn": "2026-10-20", "meterReference": "12345678"}}""";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestData testData;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    CaseRecords records;
    @Autowired
    CaseSteps steps;
    @Autowired
    TaskCompletion completion;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Database database;

    TestCases testCases;
    Api agent;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        testData.users();
        testCases = new TestCases(context);
        agent = Api.at(port).as(Groups.CUSTOMER_SERVICE);
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    /** A new case's "Investigate complaint" task (candidate group customer-service, with a form). */
    private Task investigation() {
        var opened = testCases.open(testData.residential());
        management.executeJob(management.createJobQuery().processInstanceId(opened.processInstanceId()).singleResult()
                .getId());
        return tasks.createTaskQuery().processInstanceId(opened.processInstanceId())
                .taskDefinitionKey("Task_Investigate").singleResult();
    }

    private String complete(Task task) {
        return "/api/v1/tasks/" + task.getId() + "/complete";
    }

    /** The resolution the case record has from the task's completion (one completion: one step). */
    private Object recordedResolution(Task task) {
        var caseId = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
                .getBusinessKey();
        var completed = steps.steps(caseId).stream().filter(s -> s.kind() == StepKind.TASK_COMPLETED
                && task.getId().equals(s.taskId())).toList();
        assertThat(completed).as("completions of %s in the record", task.getId()).hasSize(1);
        return completed.get(0).value("resolution");
    }

    private boolean open(Task task) {
        return tasks.createTaskQuery().taskId(task.getId()).count() == 1;
    }

    @Test
    void shouldCompleteTheTaskWithTheFormsVariablesForAMemberOfItsGroup() {
        var task = investigation();

        var answer = agent.post(complete(task), VALID);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("taskName").asText()).isEqualTo("Investigate complaint");
        assertThat(answer.json().path("completedBy").asText()).isEqualTo(TestData.user(Groups.CUSTOMER_SERVICE));
        assertThat(answer.json().path("caseId").asText()).startsWith("CMP-");
        assertThat(open(task)).isFalse();
        assertThat(tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId())
                .taskDefinitionKey("Task_ConfirmResult").count()).isEqualTo(1);
        // what was submitted is the step's outcome in the case record, by whom, and no process variable
        var caseId = answer.json().path("caseId").asText();
        assertThat(steps.steps(caseId)).filteredOn(s -> s.kind() == StepKind.TASK_COMPLETED).singleElement()
                .satisfies(step -> {
                    assertThat(step.actor()).isEqualTo(TestData.user(Groups.CUSTOMER_SERVICE));
                    assertThat(step.actorGroup()).isEqualTo(Groups.CUSTOMER_SERVICE);
                    assertThat(step.details()).containsEntry("resolution", "Meter replaced on site")
                            .containsEntry("rootCause", "METER_FAULT").containsEntry("justified", true)
                            .containsEntry("compensation", 120).containsEntry("followUpOn", "2026-10-20")
                            .containsEntry("meterReference", "12345678");
                });
        assertThat(runtime.getVariables(task.getProcessInstanceId())).doesNotContainKeys("resolution", "rootCause",
                "justified", "compensation", "followUpOn", "meterReference");
    }

    @Test
    void shouldNameTheFieldThatDoesNotFitTheFormAndCompleteNothing() {
        var task = investigation();
        record Case(String body, String field, String message) {}
        var cases = new Case[] {
            new Case("{\"variables\": {\"rootCause\": \"OTHER\"}}", "variables.resolution", "is required"),
            new Case("{\"variables\": {\"resolution\": \"too short\", \"rootCause\": \"OTHER\"}}",
                    "variables.resolution", "at least 10 characters"),
            new Case("{\"variables\": {\"resolution\": \"Meter replaced on site\", \"rootCause\": \"GHOSTS\"}}",
                    "variables.rootCause", "must be one of"),
            new Case("{\"variables\": {\"resolution\": \"Meter replaced on site\", \"rootCause\": \"OTHER\","
                    + " \"compensation\": 9000}}", "variables.compensation", "at most 5000"),
            new Case("{\"variables\": {\"resolution\": \"Meter replaced on site\", \"rootCause\": \"OTHER\","
                    + " \"justified\": \"yes\"}}", "variables.justified", "true or false"),
            new Case("{\"variables\": {\"resolution\": \"Meter replaced on site\", \"rootCause\": \"OTHER\","
                    + " \"followUpOn\": \"next week\"}}", "variables.followUpOn", "a date"),
            new Case("{\"variables\": {\"resolution\": \"Meter replaced on site\", \"rootCause\": \"OTHER\","
                    + " \"meterReference\": \"12AB\"}}", "variables.meterReference", "expected format"),
            new Case("{\"variables\": {\"resolution\": \"Meter replaced on site\", \"rootCause\": \"OTHER\","
                    + " \"assignedGroup\": \"billing\"}}", "variables.assignedGroup", "not a field of this task's form"),
            new Case("{\"variables\": {\"resolution\": \"Meter replaced on site\", \"rootCause\": \"OTHER\","
                    + " \"caseId\": \"CMP-2026-999999\"}}", "variables.caseId", "is read-only"),
        };
        for (var bad : cases) {
            var answer = agent.post(complete(task), bad.body());

            assertThat(answer.status()).as(bad.body()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().path("errors").get(0).path("field").asText()).as(bad.body())
                    .isEqualTo(bad.field());
            assertThat(answer.json().path("detail").asText()).as(bad.body()).contains(bad.message());
        }
        var unknownTopLevel = agent.post(complete(task), "{\"vars\": {}}");
        assertThat(unknownTopLevel.status()).isEqualTo(400);
        assertThat(unknownTopLevel.json().path("detail").asText()).isEqualTo("vars: unknown field");
        assertThat(open(task)).as("nothing completed").isTrue();
    }

    @Test
    void shouldAcceptTheReadOnlyFieldsSentBackUnchangedAsTasklistDoes() {
        var task = investigation();
        var caseId = runtime.getVariable(task.getProcessInstanceId(), "caseId");

        var answer = agent.post(complete(task), """
                {"variables": {"caseId": "%s", "resolution": "Meter replaced on site", "rootCause": "OTHER"}}"""
                .formatted(caseId));

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void shouldLetOnlyTheAssigneeOrAMemberOfACandidateGroupComplete() {
        var task = investigation();

        var outsider = Api.at(port).as(Groups.BILLING).post(complete(task), VALID);
        assertThat(outsider.status()).isEqualTo(403);
        assertThat(outsider.json().path("detail").asText()).contains("candidate groups");
        assertThat(Api.at(port).as(Groups.RULE_ANALYSTS).post(complete(task), VALID).status())
                .as("not a staff group at all").isEqualTo(403);
        assertThat(open(task)).isTrue();

        tasks.setAssignee(task.getId(), TestData.user(Groups.BILLING));
        assertThat(Api.at(port).as(Groups.BILLING).post(complete(task), VALID).status()).isEqualTo(200);
    }

    @Test
    void shouldAnswer404ForAnUnknownTaskAnd409ForACompletedOne() {
        var unknown = agent.post("/api/v1/tasks/no-such-task-0000/complete", VALID);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("detail").asText()).startsWith("taskId");

        var task = investigation();
        assertThat(agent.post(complete(task), VALID).status()).isEqualTo(200);

        var again = agent.post(complete(task), VALID);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asText()).contains("already completed");
    }

    /**
     * Two members of staff complete one task at the same moment, many times over: every time one
     * gets 200 and the other 409 (never 500), the process takes one step, and the variables are the
     * winner's.
     */
    @Test
    void shouldLetOneOfTwoSimultaneousCompletionsWinAndAnswerTheOther409() throws Exception {
        var billing = Api.at(port).as(Groups.BILLING);
        for (int round = 0; round < 20; round++) {
            var task = investigation();
            tasks.setAssignee(task.getId(), TestData.user(Groups.BILLING));
            var barrier = new CyclicBarrier(2);
            Future<Api.Answer> byAgent = pool.submit(() -> {
                barrier.await(30, TimeUnit.SECONDS);
                return agent.post(complete(task), VALID.replace("Meter replaced on site", "Agent replaced the meter"));
            });
            Future<Api.Answer> byAssignee = pool.submit(() -> {
                barrier.await(30, TimeUnit.SECONDS);
                return billing.post(complete(task), VALID.replace("Meter replaced on site", "Billing corrected bill"));
            });
            var answers = new ArrayList<Api.Answer>();
            answers.add(byAgent.get(60, TimeUnit.SECONDS));
            answers.add(byAssignee.get(60, TimeUnit.SECONDS));

            assertThat(answers).extracting(Api.Answer::status).as("round %d: %s", round, answers)
                    .containsExactlyInAnyOrder(200, 409);
            var loser = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
            assertThat(loser.contentType()).startsWith("application/problem+json");
            assertThat(loser.json().path("detail").asText()).containsAnyOf("already completed",
                    "at the same time");
            var winner = answers.stream().filter(a -> a.status() == 200).findFirst().orElseThrow();
            var expected = winner == answers.get(0) ? "Agent replaced the meter" : "Billing corrected bill";
            assertThat(recordedResolution(task)).isEqualTo(expected);
            assertThat(tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId())
                    .taskDefinitionKey("Task_ConfirmResult").count()).as("one step taken").isEqualTo(1);
            assertThat(history.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult().getDeleteReason())
                    .isEqualTo("completed");
        }
    }

    /**
     * The deterministic form of the race: the second completion starts while the first has done its
     * work but not committed, waits on the first one's row locks, and then finds the task gone.
     */
    @Test
    void shouldAnswer409ToACompletionThatWaitedForAnotherToCommit() throws Exception {
        var task = investigation();
        var agentUser = new ApiUser(TestData.user(Groups.CUSTOMER_SERVICE), Set.of(Groups.CUSTOMER_SERVICE));
        var supervisorUser = new ApiUser("otheragent", Set.of(Groups.CUSTOMER_SERVICE));
        var firstDone = new CountDownLatch(1);
        var commitFirst = new CountDownLatch(1);
        Map<String, Object> first = Map.of("resolution", "First agent's result", "rootCause", "OTHER");
        Map<String, Object> second = Map.of("resolution", "Second agent's result", "rootCause", "OTHER");

        Future<TaskCompletion.Completed> firstCompletion = pool.submit(() -> transactions.execute(tx -> {
            var completed = completion.complete(task.getId(), first, agentUser);
            firstDone.countDown();
            await(commitFirst);
            return completed;
        }));
        await(firstDone);
        Future<Object> secondCompletion = pool.submit(() -> {
            try {
                return transactions.execute(tx -> completion.complete(task.getId(), second, supervisorUser));
            } catch (ConflictException e) {
                return e;
            }
        });
        while (!secondCompletion.isDone() && blockedSessions() == 0) {
            LockSupport.parkNanos(5_000_000);
        }
        commitFirst.countDown();

        assertThat(firstCompletion.get(60, TimeUnit.SECONDS).completedBy()).isEqualTo(agentUser.id());
        assertThat(secondCompletion.get(60, TimeUnit.SECONDS)).isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).getMessage()).asString().contains("at the same time");
        assertThat(recordedResolution(task)).isEqualTo("First agent's result");
        assertThat(tasks.createTaskQuery().processInstanceId(task.getProcessInstanceId())
                .taskDefinitionKey("Task_ConfirmResult").count()).isEqualTo(1);
    }

    /** Database sessions waiting for a lock another session holds. */
    private int blockedSessions() {
        var sql = database.isPostgres()
                ? "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
                : "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
        return jdbc.sql(sql).query(Integer.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("latch timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
