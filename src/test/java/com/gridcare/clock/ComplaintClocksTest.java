package com.gridcare.clock;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SLA clocks of complaint-handling on the real engine, rules and database, with the engine's
 * clock moved instead of waiting: due dates in the intake answer, the tasks and the timers; pauses
 * that move all three; WARNED, BREACHED and MET recorded when the timers fire or the work is done.
 */
@GridCareTest
class ComplaintClocksTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    FormService forms;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    CaseClocks clocks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Calendars calendars;

    Api channel;

    @BeforeEach
    void setUp() {
        testData.users();
        channel = Api.at(port).as(Groups.CHANNEL_SYSTEMS);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    static void now(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(at(localDateTime)));
    }

    record Registered(String caseId, String processInstanceId, OffsetDateTime firstContactDueAt,
            OffsetDateTime resolutionDueAt) {
    }

    Registered complaint(String customerId) {
        var answer = channel.post("/api/v1/complaints", """
                {"customerId": "%s", "channel": "HOTLINE", "category": "BILLING",
                 "description": "The October bill is twice the usual amount."}""".formatted(customerId));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        var body = answer.json();
        return new Registered(body.path("caseId").asText(), body.path("processInstanceId").asText(),
                OffsetDateTime.parse(body.path("firstContactDueAt").asText()),
                OffsetDateTime.parse(body.path("resolutionDueAt").asText()));
    }

    Task task(String processInstanceId, String key) {
        var task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
        assertThat(task).as("task %s", key).isNotNull();
        return task;
    }

    Job timer(String processInstanceId, String boundaryEvent) {
        var job = management.createJobQuery().processInstanceId(processInstanceId).activityId(boundaryEvent).timers()
                .singleResult();
        assertThat(job).as("timer %s", boundaryEvent).isNotNull();
        return job;
    }

    void fire(String processInstanceId, String boundaryEvent) {
        var job = timer(processInstanceId, boundaryEvent);
        ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 1000));
        management.executeJob(job.getId());
    }

    /** Runs the async steps (customer messages) waiting after a completed task, as the job executor would. */
    void runAsyncSteps(String processInstanceId) {
        for (var job : management.createJobQuery().processInstanceId(processInstanceId).messages().executable().list()) {
            management.executeJob(job.getId());
        }
    }

    void complete(String processInstanceId, String key, Map<String, Object> variables) {
        tasks.complete(task(processInstanceId, key).getId(), variables);
        runAsyncSteps(processInstanceId);
    }

    CaseClocks.CaseClockStatus clock(String caseId, SlaClock clock) {
        return clocks.of(caseId, clock).orElseThrow();
    }

    void contactCustomer(String processInstanceId) {
        complete(processInstanceId, "Task_ContactCustomer", Map.of("contactOutcome", "REACHED",
                "contactNote", "Called the customer, agreed to check the meter readings."));
    }

    @Test
    void aComplaintReceivedBeforeTheAutumnHolidaysGetsItsDueDatesInTheAnswerTheTasksAndTheTimers() {
        now("2026-09-24T10:00");
        var complaint = complaint(testData.residential());

        // 1 working day: 7.5 h on Thu 24th, Mid-Autumn Fri 25th–Sun 27th off, 1.5 h on Mon 28th
        assertThat(complaint.firstContactDueAt()).isEqualTo(OffsetDateTime.parse("2026-09-28T10:00+08:00"));
        // 7 working days across Mid-Autumn and National Day, the make-up Saturday 10 October worked (rules/calendars/china-workdays-2026.txt)
        assertThat(complaint.resolutionDueAt()).isEqualTo(OffsetDateTime.parse("2026-10-12T10:00+08:00"));

        var pi = complaint.processInstanceId();
        var contact = task(pi, "Task_ContactCustomer");
        assertThat(contact.getDueDate().toInstant()).isEqualTo(at("2026-09-28T10:00"));
        assertThat(timer(pi, "BoundaryEvent_FirstContactOverdue").getDuedate().toInstant()).isEqualTo(at("2026-09-28T10:00"));
        // warning at 75 % of 9 working hours = 6 h 45 min: Thu 16:45
        assertThat(timer(pi, "BoundaryEvent_FirstContactWarning").getDuedate().toInstant()).isEqualTo(at("2026-09-24T16:45"));

        now("2026-09-24T15:00");
        contactCustomer(pi);
        assertThat(clock(complaint.caseId(), SlaClock.COMPLAINT_FIRST_CONTACT).state()).isEqualTo(ClockState.MET);

        var resolve = task(pi, "Task_ResolveComplaint");
        assertThat(resolve.getDueDate().toInstant()).isEqualTo(at("2026-10-12T10:00"));
        assertThat(timer(pi, "BoundaryEvent_ResolutionOverdue").getDuedate().toInstant()).isEqualTo(at("2026-10-12T10:00"));
        // 75 % of 63 working hours = 47.25 h: Fri 9 October 12:15
        assertThat(timer(pi, "BoundaryEvent_ResolutionWarning").getDuedate().toInstant()).isEqualTo(at("2026-10-09T12:15"));
        // statutory 10 working days: Thu 15 October 10:00, alarm one working day before
        assertThat(timer(pi, "BoundaryEvent_StatutoryOverdue").getDuedate().toInstant()).isEqualTo(at("2026-10-15T10:00"));
        assertThat(timer(pi, "BoundaryEvent_StatutoryAlarm").getDuedate().toInstant()).isEqualTo(at("2026-10-14T10:00"));

        // the case's clocks as the case status API answers them
        var statuses = clocks.ofCase(complaint.caseId());
        assertThat(statuses).extracting(CaseClocks.CaseClockStatus::clock).containsExactly(
                SlaClock.COMPLAINT_FIRST_CONTACT, SlaClock.COMPLAINT_RESOLUTION, SlaClock.COMPLAINT_STATUTORY);
        var resolution = statuses.get(1);
        assertThat(resolution.dueAt()).isEqualTo(OffsetDateTime.parse("2026-10-12T10:00+08:00"));
        assertThat(resolution.warnAt()).isEqualTo(OffsetDateTime.parse("2026-10-09T12:15+08:00"));
        assertThat(resolution.target()).isEqualTo("7 working days / 7 个工作日");
        assertThat(resolution.state()).isEqualTo(ClockState.RUNNING);
        // Thu 15:00 → Mon 12 Oct 10:00 is 7 working days minus 5 hours
        assertThat(resolution.timeLeft()).isEqualTo("6.4 working days left / 剩余 6.4 个工作日");

        // the decision is in the decision log with the catalogue rows
        var decision = jdbc.sql("SELECT fired_rules, outputs FROM decision WHERE kind = 'SLA_TARGETS' AND subject_id = ?")
                .param(complaint.caseId()).query((rs, n) -> rs.getString(1) + "\n" + rs.getString(2)).single();
        assertThat(decision).contains("\"calendarVersion\":\"" + calendars.current().version() + "\"");
        assertThat(decision).contains("Complaint first contact: 1 working day",
                "Complaint reply with handling result: 7 working days", "Complaint statutory limit: 10 working days");
    }

    @Test
    void aStrategicCustomerIsContactedWithinFourWorkingHoursCountedFromTheNextWorkingMinute() {
        now("2026-09-30T20:00");
        var complaint = complaint(testData.strategic());

        // received after hours on the eve of National Day: counting starts Thu 8 October 08:30
        assertThat(complaint.firstContactDueAt()).isEqualTo(OffsetDateTime.parse("2026-10-08T12:30+08:00"));
        assertThat(task(complaint.processInstanceId(), "Task_ContactCustomer").getDueDate().toInstant())
                .isEqualTo(at("2026-10-08T12:30"));
    }

    @Test
    void waitingForTheCustomerTwoWorkingDaysMovesTheResolutionTimersTaskAndAnswer() {
        now("2026-09-24T10:00");
        var complaint = complaint(testData.residential());
        var pi = complaint.processInstanceId();
        contactCustomer(pi);

        now("2026-09-28T09:00");
        tasks.complete(task(pi, "Task_ResolveComplaint").getId(),
                Map.of("askCustomer", true, "customerQuestion", "Please send a photo of the meter display."));
        task(pi, "Task_WaitForCustomer");
        var paused = clock(complaint.caseId(), SlaClock.COMPLAINT_RESOLUTION);
        assertThat(paused.state()).isEqualTo(ClockState.PAUSED);
        assertThat(timer(pi, "BoundaryEvent_ResolutionOverdue").isSuspended()).as("a paused clock's timers wait").isTrue();
        assertThat(timer(pi, "BoundaryEvent_ResolutionWarning").isSuspended()).isTrue();
        assertThat(timer(pi, "BoundaryEvent_StatutoryOverdue").isSuspended()).as("the statutory limit does not pause")
                .isFalse();

        // two working days later (Mon 09:00 → Wed 09:00) the customer answers
        now("2026-09-30T09:00");
        tasks.complete(task(pi, "Task_WaitForCustomer").getId(), Map.of("customerReply", "Photo sent by WeChat."));

        var resumed = clock(complaint.caseId(), SlaClock.COMPLAINT_RESOLUTION);
        assertThat(resumed.state()).isEqualTo(ClockState.RUNNING);
        assertThat(resumed.pausedWorkingTime()).isEqualTo(Duration.ofHours(18));
        // Mon 12 Oct 10:00 + 18 working hours = Wed 14 Oct 10:00
        assertThat(resumed.dueAt()).isEqualTo(OffsetDateTime.parse("2026-10-14T10:00+08:00"));
        assertThat(timer(pi, "BoundaryEvent_ResolutionOverdue").getDuedate().toInstant()).isEqualTo(at("2026-10-14T10:00"));
        assertThat(timer(pi, "BoundaryEvent_ResolutionOverdue").isSuspended()).isFalse();
        // Fri 9 Oct 12:15 + 18 working hours (Saturday 10th is a make-up day) = Mon 12 Oct 12:15
        assertThat(timer(pi, "BoundaryEvent_ResolutionWarning").getDuedate().toInstant()).isEqualTo(at("2026-10-12T12:15"));
        assertThat(task(pi, "Task_ResolveComplaint").getDueDate().toInstant()).isEqualTo(at("2026-10-14T10:00"));
        assertThat(timer(pi, "BoundaryEvent_StatutoryOverdue").getDuedate().toInstant()).isEqualTo(at("2026-10-15T10:00"));
        assertThat(runtime.getVariable(pi, "waitingForCustomer")).as("no longer waiting").isNull();

        assertThat(clocks.history(complaint.caseId(), SlaClock.COMPLAINT_RESOLUTION))
                .extracting(CaseClocks.StateChange::state)
                .containsExactly(ClockState.RUNNING, ClockState.PAUSED, ClockState.RUNNING);
        assertThat(clocks.history(complaint.caseId(), SlaClock.COMPLAINT_RESOLUTION).get(2).note())
                .isEqualTo("resumed after 2 working days / 2 个工作日 paused");
    }

    @Test
    void pausingMovesTheDueDateOfAnOpenResolutionTaskToo() {
        now("2026-09-24T10:00");
        var complaint = complaint(testData.residential());
        var pi = complaint.processInstanceId();
        contactCustomer(pi);

        now("2026-09-28T09:00");
        clocks.pause(complaint.caseId(), List.of(), "waiting for the customer", null);
        now("2026-09-30T09:00");
        clocks.resume(complaint.caseId(), List.of(), null);

        assertThat(task(pi, "Task_ResolveComplaint").getDueDate().toInstant()).isEqualTo(at("2026-10-14T10:00"));
        assertThat(timer(pi, "BoundaryEvent_ResolutionOverdue").getDuedate().toInstant()).isEqualTo(at("2026-10-14T10:00"));
        assertThat(clocks.dueAt(complaint.caseId(), SlaClock.COMPLAINT_RESOLUTION))
                .contains(OffsetDateTime.parse("2026-10-14T10:00+08:00"));
    }

    @Test
    void recordsWarnedAndBreachedWhenTheFirstContactTimersFireAndKeepsTheBreachWhenTheWorkIsDone() {
        now("2026-11-02T09:00");
        var complaint = complaint(testData.residential());
        var pi = complaint.processInstanceId();

        fire(pi, "BoundaryEvent_FirstContactWarning");
        var warned = clock(complaint.caseId(), SlaClock.COMPLAINT_FIRST_CONTACT);
        assertThat(warned.state()).isEqualTo(ClockState.WARNED);
        assertThat(warned.stateChangedAt().toInstant()).isEqualTo(at("2026-11-02T15:45:01"));

        fire(pi, "BoundaryEvent_FirstContactOverdue");
        var breached = clock(complaint.caseId(), SlaClock.COMPLAINT_FIRST_CONTACT);
        assertThat(breached.state()).isEqualTo(ClockState.BREACHED);
        assertThat(breached.timeLeft()).isEqualTo("overdue by 1 working minute / 已超时 1 分钟（工作时间）");
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi)
                .activityId("Task_RecordFirstContactBreached").finished().count()).isEqualTo(1);
        assertThat(task(pi, "Task_ContactCustomer")).as("the breach does not end the task").isNotNull();

        now("2026-11-03T11:00");
        contactCustomer(pi);
        var done = clock(complaint.caseId(), SlaClock.COMPLAINT_FIRST_CONTACT);
        assertThat(done.state()).isEqualTo(ClockState.BREACHED);
        assertThat(done.completedAt().toInstant()).isEqualTo(at("2026-11-03T11:00"));
        assertThat(clocks.history(complaint.caseId(), SlaClock.COMPLAINT_FIRST_CONTACT))
                .extracting(CaseClocks.StateChange::state)
                .containsExactly(ClockState.RUNNING, ClockState.WARNED, ClockState.BREACHED, ClockState.BREACHED);
    }

    @Test
    void recordsMetWhenTheComplaintIsResolvedAfterTheWarningAndTheStatutoryAlarmAndBreachFromTheirTimers() {
        now("2026-11-02T09:00");
        var complaint = complaint(testData.residential());
        var pi = complaint.processInstanceId();
        now("2026-11-02T10:00");
        contactCustomer(pi);

        fire(pi, "BoundaryEvent_ResolutionWarning");
        assertThat(clock(complaint.caseId(), SlaClock.COMPLAINT_RESOLUTION).state()).isEqualTo(ClockState.WARNED);
        fire(pi, "BoundaryEvent_ResolutionOverdue");
        assertThat(clock(complaint.caseId(), SlaClock.COMPLAINT_RESOLUTION).state()).isEqualTo(ClockState.BREACHED);
        fire(pi, "BoundaryEvent_StatutoryAlarm");
        assertThat(clock(complaint.caseId(), SlaClock.COMPLAINT_STATUTORY).state()).isEqualTo(ClockState.WARNED);
        fire(pi, "BoundaryEvent_StatutoryOverdue");
        assertThat(clock(complaint.caseId(), SlaClock.COMPLAINT_STATUTORY).state()).isEqualTo(ClockState.BREACHED);
        assertThat(clocks.history(complaint.caseId(), SlaClock.COMPLAINT_STATUTORY))
                .extracting(CaseClocks.StateChange::state)
                .containsExactly(ClockState.RUNNING, ClockState.WARNED, ClockState.BREACHED);

        now("2026-11-02T09:00");
        var second = complaint(testData.residential());
        now("2026-11-02T10:00");
        contactCustomer(second.processInstanceId());
        fire(second.processInstanceId(), "BoundaryEvent_ResolutionWarning");
        assertThat(clock(second.caseId(), SlaClock.COMPLAINT_RESOLUTION).state()).isEqualTo(ClockState.WARNED);
        complete(second.processInstanceId(), "Task_ResolveComplaint",
                Map.of("askCustomer", false, "rootCause", "METER_READING", "findings", "The reading was estimated.",
                        "justified", "JUSTIFIED", "resolution", "Meter reading corrected and the bill reissued."));
        assertThat(clock(second.caseId(), SlaClock.COMPLAINT_RESOLUTION).state())
                .as("the resolution clock runs until the customer confirms the result").isEqualTo(ClockState.WARNED);
        complete(second.processInstanceId(), "Task_ConfirmResult",
                Map.of("customerConfirmation", "RESOLVED", "customerFeedback", "Fine now."));

        assertThat(clock(second.caseId(), SlaClock.COMPLAINT_RESOLUTION).state()).isEqualTo(ClockState.MET);
        assertThat(clock(second.caseId(), SlaClock.COMPLAINT_STATUTORY).state()).isEqualTo(ClockState.MET);
        assertThat(clocks.history(second.caseId(), SlaClock.COMPLAINT_RESOLUTION))
                .extracting(CaseClocks.StateChange::state)
                .containsExactly(ClockState.RUNNING, ClockState.WARNED, ClockState.MET);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(second.processInstanceId()).count()).isZero();
    }

    @Test
    void theTaskFormGetsTheTimeLeftInWorkingTimeWhichIsNeverStored() {
        now("2026-09-24T10:00");
        var complaint = complaint(testData.residential());
        var pi = complaint.processInstanceId();
        var contact = task(pi, "Task_ContactCustomer");

        var variables = forms.getTaskFormVariables(contact.getId());
        assertThat(variables.getValue(TimeLeftFormVariable.NAME, String.class)).isEqualTo(
                "Complaint first contact / 首次联系客户: 1 working day left / 剩余 1 个工作日 · due / 到期 2026-09-28 10:00");

        // as Tasklist loads it, over the REST API
        now("2026-09-28T09:30");
        // by a member of the task's candidate group: only they may open it (authorizations)
        var group = tasks.getIdentityLinksForTask(contact.getId()).stream().map(l -> l.getGroupId())
                .filter(g -> g != null).findFirst().orElseThrow();
        var answer = Api.at(port).as(group).get("/engine-rest/task/" + contact.getId()
                + "/form-variables");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path(TimeLeftFormVariable.NAME).path("value").asText())
                .startsWith("Complaint first contact / 首次联系客户: 30 working minutes left / 剩余 30 分钟（工作时间）");
        now("2026-09-28T13:00");
        assertThat(forms.getTaskFormVariables(contact.getId()).getValue(TimeLeftFormVariable.NAME, String.class))
                .startsWith("Complaint first contact / 首次联系客户: overdue by 3 working hours / 已超时 3 个工作小时");

        // the form shows it in a text component, so the submitted form does not carry it
        forms.submitTaskForm(contact.getId(), Map.of("contactOutcome", "REACHED",
                "contactNote", "Called the customer about the bill."));
        runAsyncSteps(pi);
        assertThat(runtime.getVariables(pi)).doesNotContainKey(TimeLeftFormVariable.NAME);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi)
                .variableName(TimeLeftFormVariable.NAME).count()).isZero();

        // a task whose due date follows no clock gets nothing
        tasks.complete(task(pi, "Task_ResolveComplaint").getId(),
                Map.of("askCustomer", true, "customerQuestion", "Which meter number?"));
        assertThat(forms.getTaskFormVariables(task(pi, "Task_WaitForCustomer").getId()).keySet())
                .doesNotContain(TimeLeftFormVariable.NAME);
    }
}
