package com.gridcare.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridcare.notification.NotificationOutbox;
import com.gridcare.notification.QueuedNotification;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestCases;
import com.gridcare.testsupport.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** {@code GET /api/v1/cases/{id}} and {@code POST /api/v1/cases/{id}/withdrawal} over HTTP. */
@GridCareTest
class CaseApiTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestData testData;
    @Autowired
    CaseRepository cases;
    @Autowired
    CaseRecords records;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;

    TestCases testCases;
    Api channel;

    @BeforeEach
    void setUp() {
        testData.users();
        testCases = new TestCases(context);
        channel = Api.at(port).as(Groups.CHANNEL_SYSTEMS);
    }

    /** A case waiting at "Investigate complaint", acknowledged. */
    private TestCases.Opened caseUnderInvestigation() {
        var opened = testCases.open(testData.residential());
        management.executeJob(management.createJobQuery().processInstanceId(opened.processInstanceId()).singleResult()
                .getId());
        return opened;
    }

    private static List<String> types(JsonNode history) {
        return StreamSupport.stream(history.spliterator(), false).map(step -> step.path("type").asText()).toList();
    }

    @Test
    void shouldShowTheCaseInTheCustomersWordsWithItsVisibleHistory() {
        var opened = caseUnderInvestigation();

        var answer = channel.get("/api/v1/cases/" + opened.caseId());

        assertThat(answer.status()).isEqualTo(200);
        var body = answer.json();
        assertThat(body.path("caseId").asText()).isEqualTo(opened.caseId());
        assertThat(body.path("kind").asText()).isEqualTo("COMPLAINT");
        assertThat(body.path("status").asText()).isEqualTo("OPEN");
        assertThat(body.path("stage").path("code").asText()).isEqualTo("INVESTIGATION");
        assertThat(body.path("stage").path("en").asText()).isEqualTo("Being investigated");
        assertThat(body.path("stage").path("zh").asText()).isEqualTo("调查处理中");
        assertThat(body.path("receivedAt").asText()).endsWith("+08:00");
        assertThat(body.path("dueDates").isArray()).isTrue();
        assertThat(types(body.path("history"))).containsExactly("RECEIVED", "NOTIFICATION", "STAGE_CHANGED");
        var received = body.path("history").get(0);
        assertThat(received.path("en").asText()).isEqualTo("We received your complaint " + opened.caseId() + ".");
        assertThat(received.path("zh").asText()).isEqualTo("我们已受理您的投诉（工单号 " + opened.caseId() + "）。");
        assertThat(received.path("at").asText()).endsWith("+08:00");
        assertThat(answer.body()).as("nothing internal").doesNotContain("customer-service", "assignee", "TASK_CREATED",
                "escalation", "priority", "13800138000");
    }

    @Test
    void shouldLetStaffGroupsAndChannelsLookUpButNoOneElse() {
        var caseId = caseUnderInvestigation().caseId();

        assertThat(Api.at(port).as(Groups.FIELD_SERVICE).get("/api/v1/cases/" + caseId).status()).isEqualTo(200);
        assertThat(Api.at(port).as(Groups.SURVEY_TEAM).get("/api/v1/cases/" + caseId).status()).isEqualTo(200);
        assertThat(Api.at(port).as(Groups.RULE_ANALYSTS).get("/api/v1/cases/" + caseId).status()).isEqualTo(403);
        assertThat(Api.at(port).get("/api/v1/cases/" + caseId).status()).isEqualTo(401);
    }

    @Test
    void shouldAnswer404ForAnUnknownCaseAnd400ForSomethingThatIsNoCaseNumber() {
        var unknown = channel.get("/api/v1/cases/CMP-1999-999999");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().path("detail").asText()).startsWith("caseId");

        var malformed = channel.get("/api/v1/cases/DROP-TABLE");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().path("errors").get(0).path("field").asText()).isEqualTo("caseId");

        assertThat(channel.post("/api/v1/cases/CMP-1999-999999/withdrawal", "{}").status()).isEqualTo(404);
    }

    @Test
    void shouldWithdrawTheCaseThroughItsProcessAndConfirmToTheCustomer() {
        var opened = caseUnderInvestigation();

        var answer = channel.post("/api/v1/cases/" + opened.caseId() + "/withdrawal",
                "{\"reason\": \"Solved it myself\"}");

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().path("status").asText()).isEqualTo("WITHDRAWN");
        var withdrawn = cases.find(opened.caseId()).orElseThrow();
        assertThat(withdrawn.status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(withdrawn.outcome()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.withdrawalRequestedAt()).isNotNull();
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(opened.processInstanceId()).count())
                .as("the process ended").isZero();
        assertThat(tasks.createTaskQuery().processInstanceId(opened.processInstanceId()).count()).isZero();
        assertThat(outbox.forCase(opened.caseId())).extracting(QueuedNotification::template)
                .containsExactly("ACKNOWLEDGEMENT", "WITHDRAWAL_CONFIRMED");

        var status = channel.get("/api/v1/cases/" + opened.caseId()).json();
        assertThat(status.path("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(status.path("stage").path("zh").asText()).isEqualTo("已按您的要求撤销");
        assertThat(status.path("outcome").path("code").asText()).isEqualTo("WITHDRAWN");
        assertThat(status.path("closedAt").asText()).endsWith("+08:00");
        assertThat(types(status.path("history"))).containsSubsequence("WITHDRAWAL_REQUESTED", "WITHDRAWN",
                "NOTIFICATION");
    }

    @Test
    void shouldAnswer409WhenTheCaseIsAlreadyWithdrawnOrClosed() {
        var opened = caseUnderInvestigation();
        assertThat(channel.post("/api/v1/cases/" + opened.caseId() + "/withdrawal", "").status()).isEqualTo(202);

        var again = channel.post("/api/v1/cases/" + opened.caseId() + "/withdrawal", "");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("detail").asText()).contains("already withdrawn");
        assertThat(outbox.forCase(opened.caseId())).filteredOn(n -> n.template().equals("WITHDRAWAL_CONFIRMED"))
                .hasSize(1);

        var closed = caseUnderInvestigation();
        tasks.complete(tasks.createTaskQuery().processInstanceId(closed.processInstanceId()).singleResult().getId());
        tasks.complete(tasks.createTaskQuery().processInstanceId(closed.processInstanceId()).singleResult().getId());
        var late = channel.post("/api/v1/cases/" + closed.caseId() + "/withdrawal", "");
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().path("detail").asText()).contains("already closed");
    }

    @Test
    void shouldReplayTheFirstAnswerToARetryWithTheSameIdempotencyKey() {
        var opened = caseUnderInvestigation();
        var key = "withdraw-" + opened.caseId();

        var first = channel.post("/api/v1/cases/" + opened.caseId() + "/withdrawal", "{}", "Idempotency-Key", key);
        var retry = channel.post("/api/v1/cases/" + opened.caseId() + "/withdrawal", "{}", "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(202);
        assertThat(retry.status()).isEqualTo(202);
        assertThat(retry.headers().get("idempotent-replayed")).containsExactly("true");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(records.history(opened.caseId(), false)).filteredOn(e -> e.type() == CaseEventType.WITHDRAWN)
                .hasSize(1);
    }

    @Test
    void shouldChangeNothingWhenTheProcessCannotTakeTheWithdrawal() {
        var caseId = testCases.caseWithoutProcess(testData.residential());

        var answer = channel.post("/api/v1/cases/" + caseId + "/withdrawal", "{\"reason\": \"Not needed\"}");

        assertThat(answer.status()).isEqualTo(409);
        var unchanged = cases.find(caseId).orElseThrow();
        assertThat(unchanged.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(unchanged.withdrawalRequestedAt()).as("rolled back with the failed correlation").isNull();
        assertThat(records.history(caseId, true)).extracting(CaseEvent::type).containsExactly(CaseEventType.RECEIVED);
    }

    @Test
    void shouldNameTheFieldOfABadWithdrawalRequest() {
        var caseId = caseUnderInvestigation().caseId();

        var tooLong = channel.post("/api/v1/cases/" + caseId + "/withdrawal",
                "{\"reason\": \"" + "x".repeat(501) + "\"}");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("errors").get(0).path("field").asText()).isEqualTo("reason");

        var unknownField = channel.post("/api/v1/cases/" + caseId + "/withdrawal", "{\"why\": \"x\"}");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().path("detail").asText()).isEqualTo("why: unknown field");

        assertThat(Api.at(port).as(Groups.BILLING).post("/api/v1/cases/" + caseId + "/withdrawal", "").status())
                .isEqualTo(403);
        assertThat(cases.find(caseId).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void shouldWithdrawOnceWhenTwoWithdrawalsArriveTogether() throws Exception {
        var opened = caseUnderInvestigation();
        var barrier = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var futures = new ArrayList<Future<Integer>>();
            for (int i = 0; i < 2; i++) {
                futures.add(pool.submit(() -> {
                    barrier.await(30, TimeUnit.SECONDS);
                    return channel.post("/api/v1/cases/" + opened.caseId() + "/withdrawal", "").status();
                }));
            }
            var statuses = new ArrayList<Integer>();
            for (var future : futures) statuses.add(future.get(60, TimeUnit.SECONDS));

            assertThat(statuses).containsExactlyInAnyOrder(202, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(outbox.forCase(opened.caseId())).filteredOn(n -> n.template().equals("WITHDRAWAL_CONFIRMED"))
                .hasSize(1);
        assertThat(records.history(opened.caseId(), false)).filteredOn(
                e -> e.type() == CaseEventType.WITHDRAWAL_REQUESTED).hasSize(1);
    }
}
