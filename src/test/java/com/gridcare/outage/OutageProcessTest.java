package com.gridcare.outage;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.customer.Area;
import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.PreferredChannel;
import com.gridcare.notification.NotificationDispatcher;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.AsyncSteps;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outage process on the engine clock: notices once per customer and step, the notice-period rule
 * with a supervisor's override, quiet hours, phone calls for flagged customers before the deadline,
 * and repair calls from inside a known outage linked instead of dispatched.
 */
@GridCareTest
class OutageProcessTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    OutageNotices notices;
    @Autowired
    Outages outages;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    NotificationDispatcher dispatcher;

    Api field;
    Api channel;

    @BeforeEach
    void setUp() {
        testData.users();
        field = Api.at(port).as(Groups.FIELD_SERVICE);
        channel = Api.at(port).as(Groups.CHANNEL_SYSTEMS);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static OffsetDateTime now(String local) {
        var time = java.time.LocalDateTime.parse(local).atZone(SHANGHAI).toOffsetDateTime();
        ClockUtil.setCurrentTime(Date.from(time.toInstant()));
        return time;
    }

    static String outage(String kind, String supplyPoints, OffsetDateTime startsAt, OffsetDateTime restoration,
            String more) {
        return """
                {"kind": "%s", %s, "startsAt": "%s", "expectedRestorationAt": "%s", "reason": "cable works"%s}"""
                .formatted(kind, supplyPoints, startsAt, restoration, more);
    }

    /** customer → how many messages of this outage at this step. */
    Map<String, Integer> messages(String outageId, String step) {
        var counts = new HashMap<String, Integer>();
        jdbc.sql("SELECT customer_id, COUNT(*) FROM notification_outbox WHERE outage_id = ? AND step = ? GROUP BY customer_id")
                .params(outageId, step).query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2))).list();
        return counts;
    }

    @Test
    void aPlannedOutageEightDaysAheadTellsEveryAffectedCustomerOnceAndCallsFlaggedCustomersBeforeTheDeadline() {
        var registered = now("2026-11-02T10:00");
        var feeder = TestData.uniqueId("FDR");
        var plain = List.of(
                testData.supplied(feeder, null, CustomerClass.RESIDENTIAL, false, false, Area.URBAN, PreferredChannel.SMS),
                testData.supplied(feeder, null, CustomerClass.COMMERCIAL, false, false, Area.URBAN, PreferredChannel.EMAIL),
                testData.supplied(feeder, null, CustomerClass.RESIDENTIAL, false, false, Area.RURAL, PreferredChannel.APP));
        var important = testData.supplied(feeder, null, CustomerClass.PUBLIC, true, false, Area.URBAN, PreferredChannel.PHONE);
        var priorityCare = testData.supplied(feeder, null, CustomerClass.RESIDENTIAL, false, true, Area.URBAN,
                PreferredChannel.WECHAT);
        var elsewhere = testData.supplied(TestData.uniqueId("FDR"), null, CustomerClass.RESIDENTIAL, false, false,
                Area.URBAN, PreferredChannel.SMS);
        var startsAt = registered.plusDays(8);

        var answer = field.post("/api/v1/outages",
                outage("PLANNED", "\"feeders\": [\"" + feeder + "\"]", startsAt, startsAt.plusHours(8), ""));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        var body = answer.json().path("outage");
        var id = body.path("id").asText();
        assertThat(body.path("affectedCustomers").asInt()).isEqualTo(5);
        assertThat(body.path("notifiedOnTime").asBoolean()).isTrue();
        var deadline = OffsetDateTime.parse(body.path("noticeDeadline").asText());
        assertThat(deadline.toInstant()).isEqualTo(startsAt.minusDays(7).toInstant());
        var pi = body.path("processInstanceId").asText();
        AsyncSteps.run(management, pi);

        var affected = new ArrayList<>(plain);
        affected.add(important);
        affected.add(priorityCare);
        var expected = new HashMap<String, Integer>();
        affected.forEach(c -> expected.put(c, 1));
        assertThat(messages(id, OutageNotices.NOTICE)).isEqualTo(expected);
        assertThat(messages(id, OutageNotices.NOTICE)).doesNotContainKey(elsewhere);
        // the step runs again (a retried job): nothing new is queued
        Integer again = transactions.execute(tx -> notices.notice(outages.get(id)));
        assertThat(again).isZero();
        assertThat(messages(id, OutageNotices.NOTICE)).isEqualTo(expected);
        // each on the customer's preferred channel, and delivered once however often the dispatcher runs
        assertThat(jdbc.sql("SELECT channel FROM notification_outbox WHERE outage_id = ? AND customer_id = ?")
                .params(id, priorityCare).query(String.class).single()).isEqualTo("WECHAT");
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE outage_id = ? AND status = 'SENT'")
                .param(id).query(Integer.class).single()).isEqualTo(5);

        // a call for each flagged customer, for the group owning them, due before the notice deadline
        var calls = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey("Task_CallCustomer").list();
        assertThat(calls).hasSize(2);
        var called = new ArrayList<String>();
        for (var call : calls) {
            called.add((String) tasks.getVariable(call.getId(), "customerId"));
            assertThat(call.getDueDate().toInstant()).isBefore(deadline.toInstant());
            assertThat(call.getDueDate().toInstant()).isEqualTo(deadline.minusHours(1).toInstant());
            assertThat(tasks.getIdentityLinksForTask(call.getId()).get(0).getGroupId()).isEqualTo(Groups.CUSTOMER_SERVICE);
        }
        assertThat(called).containsExactlyInAnyOrder(important, priorityCare);
        var timers = management.createJobQuery().processInstanceId(pi).timers().list();
        assertThat(timers).hasSize(2).allMatch(t -> t.getDuedate().toInstant().isBefore(deadline.toInstant()));

        now("2026-11-02T15:00");
        var first = calls.get(0);
        tasks.complete(first.getId(), Map.of("customerReached", true, "callNote", "Will run the generator."));
        var callRows = jdbc.sql("SELECT customer_id, clock_state FROM outage_call WHERE outage_id = ? AND completed_at IS NOT NULL")
                .param(id).query((rs, n) -> rs.getString(1) + "=" + rs.getString(2)).list();
        assertThat(callRows).containsExactly(called.get(0) + "=MET");
        // the other call is late: its own clock breaches
        var late = management.createJobQuery().processInstanceId(pi).timers().singleResult();
        ClockUtil.setCurrentTime(new Date(late.getDuedate().getTime() + 1000));
        management.executeJob(late.getId());
        assertThat(jdbc.sql("SELECT clock_state FROM outage_call WHERE outage_id = ? AND customer_id = ?")
                .params(id, called.get(1)).query(String.class).single()).isEqualTo("BREACHED");
    }

    @Test
    void aPlannedOutageThreeDaysAheadIsRefusedNamingTheRuleThenAcceptedWithASupervisorsOverride() {
        var registered = now("2026-11-03T09:00");
        var area = TestData.uniqueId("TA");
        testData.supplied(null, area, CustomerClass.RESIDENTIAL, false, false, Area.URBAN, PreferredChannel.SMS);
        var startsAt = registered.plusDays(3);
        var request = outage("PLANNED", "\"transformerAreas\": [\"" + area + "\"]", startsAt, startsAt.plusHours(4), "");
        long before = jdbc.sql("SELECT COUNT(*) FROM outage").query(Long.class).single();

        var refused = field.post("/api/v1/outages", request);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("rule").asText()).isEqualTo("PLANNED_NOTICE_7_DAYS");
        assertThat(refused.json().path("field").asText()).isEqualTo("startsAt");
        assertThat(refused.body()).contains("7 days");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outage").query(Long.class).single()).isEqualTo(before);

        var withOverride = outage("PLANNED", "\"transformerAreas\": [\"" + area + "\"]", startsAt, startsAt.plusHours(4),
                ", \"overrideReason\": \"Storm damage must be repaired before the holiday\"");
        assertThat(field.post("/api/v1/outages", withOverride).status()).as("only supervisors override").isEqualTo(403);

        var accepted = Api.at(port).as(Groups.SUPERVISORS).post("/api/v1/outages", withOverride);

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        var body = accepted.json();
        assertThat(body.path("outage").path("notifiedOnTime").asBoolean()).isFalse();
        assertThat(body.path("outage").path("overrideBy").asText()).isEqualTo(TestData.user(Groups.SUPERVISORS));
        assertThat(body.path("outage").path("overrideReason").asText()).isEqualTo("Storm damage must be repaired before the holiday");
        assertThat(body.path("events").toString()).contains("NOTICE_PERIOD_OVERRIDDEN by " + TestData.user(Groups.SUPERVISORS)
                + ": Storm damage");
    }

    @Test
    void announcedOutagesKeepSmsAndWeChatOutOfTheQuietHoursButAFaultIsToldAtOnce() {
        var registered = now("2026-11-04T22:30");
        var feeder = TestData.uniqueId("FDR");
        var sms = testData.supplied(feeder, null, CustomerClass.RESIDENTIAL, false, false, Area.URBAN, PreferredChannel.SMS);
        var email = testData.supplied(feeder, null, CustomerClass.RESIDENTIAL, false, false, Area.URBAN, PreferredChannel.EMAIL);
        var startsAt = registered.plusDays(9);
        var planned = field.post("/api/v1/outages",
                outage("PLANNED", "\"feeders\": [\"" + feeder + "\"]", startsAt, startsAt.plusHours(2), "")).json();
        AsyncSteps.run(management, planned.path("outage").path("processInstanceId").asText());
        var unplanned = field.post("/api/v1/outages", outage("UNPLANNED", "\"feeders\": [\"" + feeder + "\"]",
                registered.minusMinutes(10), registered.plusHours(2), "")).json();
        AsyncSteps.run(management, unplanned.path("outage").path("processInstanceId").asText());

        var plannedId = planned.path("outage").path("id").asText();
        var unplannedId = unplanned.path("outage").path("id").asText();
        assertThat(nextAttempt(plannedId, sms)).isEqualTo(OffsetDateTime.parse("2026-11-05T08:00+08:00").toInstant());
        assertThat(nextAttempt(plannedId, email)).isEqualTo(registered.toInstant());
        assertThat(nextAttempt(unplannedId, sms)).isEqualTo(registered.toInstant());
    }

    private java.time.Instant nextAttempt(String outageId, String customerId) {
        return jdbc.sql("SELECT next_attempt_at FROM notification_outbox WHERE outage_id = ? AND customer_id = ?")
                .params(outageId, customerId).query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).single();
    }

    @Test
    void anUnplannedOutageLinksTwentyRepairCallsWithoutDispatchAndClosesThemWithOneNoticeAndOneSurveyEach() {
        var registered = now("2026-11-05T14:00");
        var area = TestData.uniqueId("TA");
        var affected = new ArrayList<String>();
        for (int i = 0; i < 50; i++) {
            affected.add(testData.supplied(null, area, CustomerClass.RESIDENTIAL, false, false, Area.URBAN,
                    i % 2 == 0 ? PreferredChannel.SMS : PreferredChannel.APP));
        }
        var expected = registered.plusHours(3);
        var registration = channel.post("/api/v1/outages", outage("UNPLANNED",
                "\"transformerAreas\": [\"" + area + "\"]", registered.minusMinutes(20), expected, ""));
        assertThat(registration.status()).as(registration.body()).isEqualTo(201);
        var id = registration.json().path("outage").path("id").asText();
        var pi = registration.json().path("outage").path("processInstanceId").asText();
        AsyncSteps.run(management, pi);
        assertThat(messages(id, OutageNotices.NOTICE)).hasSize(50).allSatisfy((c, n) -> assertThat(n).isEqualTo(1));

        now("2026-11-05T14:10");
        var requests = new ArrayList<String>();
        for (var customer : affected.subList(0, 20)) {
            var receipt = channel.post("/api/v1/service-requests", """
                    {"customerId": "%s", "type": "OUTAGE_REPAIR", "channel": "HOTLINE", "details": {"area": "URBAN"}}"""
                    .formatted(customer));
            assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
            assertThat(receipt.json().path("outageId").asText()).isEqualTo(id);
            assertThat(OffsetDateTime.parse(receipt.json().path("expectedRestorationAt").asText()).toInstant())
                    .isEqualTo(expected.toInstant());
            requests.add(receipt.json().path("caseId").asText());
        }
        // a complaint about the interruption from inside the outage is linked too, and told the estimate
        var complaint = channel.post("/api/v1/complaints", """
                {"customerId": "%s", "channel": "HOTLINE", "category": "SUPPLY_INTERRUPTION", "description": "No power again"}"""
                .formatted(affected.get(20)));
        assertThat(complaint.json().path("outageId").asText()).isEqualTo(id);
        // outside any outage: dispatched as today
        var outside = channel.post("/api/v1/service-requests", """
                {"customerId": "%s", "type": "OUTAGE_REPAIR", "channel": "HOTLINE", "details": {"area": "URBAN"}}"""
                .formatted(testData.residential())).json();
        assertThat(outside.path("outageId").isTextual()).isFalse();
        AsyncSteps.run(management, outside.path("processInstanceId").asText());
        assertThat(tasks.createTaskQuery().processInstanceId(outside.path("processInstanceId").asText())
                .taskDefinitionKey("Task_DispatchCrew").count()).isEqualTo(1);

        // no second dispatch: the linked requests wait for the outage, each told the known estimate
        assertThat(tasks.createTaskQuery().processInstanceBusinessKeyIn(requests.toArray(String[]::new)).count()).isZero();
        for (var caseId : requests) {
            assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(caseId)
                    .activityId("Task_WaitForOutageRestoration").count()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE case_id = ? AND template = 'OUTAGE_REPORT_LINKED'")
                    .param(caseId).query(Integer.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM case_step WHERE case_id = ? AND kind = 'OUTAGE_LINKED'")
                    .param(caseId).query(Integer.class).single()).isEqualTo(1);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM outage_link WHERE outage_id = ?").param(id).query(Integer.class).single())
                .isEqualTo(21);

        // a new estimate: everyone told once
        now("2026-11-05T15:00");
        assertThat(field.patch("/api/v1/outages/" + id, "{\"expectedRestorationAt\": \"2026-11-05T18:30:00+08:00\"}")
                .status()).isEqualTo(200);
        AsyncSteps.run(management, pi);
        assertThat(messages(id, OutageNotices.estimateStep(1))).hasSize(50).allSatisfy((c, n) -> assertThat(n).isEqualTo(1));

        now("2026-11-05T16:20");
        var restored = field.post("/api/v1/outages/" + id + "/restoration", "{}");
        assertThat(restored.status()).as(restored.body()).isEqualTo(200);
        AsyncSteps.run(management, pi);
        assertThat(field.post("/api/v1/outages/" + id + "/restoration", "{}").status()).isEqualTo(409);

        for (var caseId : requests) {
            var row = jdbc.sql("SELECT status, outcome FROM service_case WHERE id = ?").param(caseId)
                    .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2)).single();
            assertThat(row).isEqualTo("CLOSED/COMPLETED");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_outbox WHERE case_id = ? AND step = 'RESTORED'")
                    .param(caseId).query(Integer.class).single()).as(caseId).isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_request WHERE case_id = ?").param(caseId)
                    .query(Integer.class).single()).as(caseId).isEqualTo(1);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM case_step WHERE case_id = ? AND kind = 'SUPPLY_RESTORED'")
                    .param(caseId).query(Integer.class).single()).isEqualTo(1);
        }
        // every affected customer hears of the restoration exactly once: by their own request, or from the outage
        assertThat(messages(id, OutageNotices.RESTORED)).hasSize(50).allSatisfy((c, n) -> assertThat(n).isEqualTo(1));
        var complaintId = complaint.json().path("caseId").asText();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM case_step WHERE case_id = ? AND kind = 'SUPPLY_RESTORED'")
                .param(complaintId).query(Integer.class).single()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
    }
}
