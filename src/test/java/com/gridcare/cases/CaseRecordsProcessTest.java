package com.gridcare.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.gridcare.notification.NotificationOutbox;
import com.gridcare.notification.QueuedNotification;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestCases;
import com.gridcare.testsupport.TestData;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The case record follows the process: stage, group, assignee, escalations, status, outcome, history. */
@GridCareTest
class CaseRecordsProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestData testData;
    @Autowired
    CaseRepository cases;
    @Autowired
    CaseRecords records;
    @Autowired
    CaseSteps steps;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    IdentityService identity;

    TestCases testCases;

    @BeforeEach
    void setUp() {
        init(engine);
        testCases = new TestCases(context);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
        identity.clearAuthentication();
    }

    private void runJob(String processInstanceId) {
        management.executeJob(management.createJobQuery().processInstanceId(processInstanceId).executable()
                .singleResult().getId());
    }

    private org.camunda.bpm.engine.task.Task task(String processInstanceId, String key) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
    }

    @Test
    void shouldKeepTheCaseInStepWithItsTasksFromReceiptToClosing() {
        var opened = testCases.open(testData.residential());
        runJob(opened.processInstanceId());

        var atInvestigation = cases.find(opened.caseId()).orElseThrow();
        assertThat(atInvestigation.stage()).isEqualTo("INVESTIGATION");
        assertThat(atInvestigation.assignedGroup()).isEqualTo("customer-service");
        assertThat(atInvestigation.assignee()).isNull();

        var investigate = task(opened.processInstanceId(), "Task_Investigate");
        tasks.claim(investigate.getId(), "agent7");
        assertThat(cases.find(opened.caseId()).orElseThrow().assignee()).isEqualTo("agent7");

        identity.setAuthenticatedUserId("agent7");
        tasks.complete(investigate.getId(), Map.of("resolution", "Meter replaced on site", "rootCause", "METER_FAULT"));
        identity.clearAuthentication();

        var atConfirmation = cases.find(opened.caseId()).orElseThrow();
        assertThat(atConfirmation.stage()).isEqualTo("CONFIRMATION");
        assertThat(atConfirmation.assignee()).isNull();

        tasks.complete(task(opened.processInstanceId(), "Task_ConfirmResult").getId());
        var closed = cases.find(opened.caseId()).orElseThrow();
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.stage()).isEqualTo("CLOSED");
        assertThat(closed.outcome()).isEqualTo("RESOLVED");
        assertThat(closed.closedAt()).isNotNull();

        runJob(opened.processInstanceId());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(opened.processInstanceId()).count()).isZero();
        assertThat(outbox.forCase(opened.caseId())).extracting(QueuedNotification::template)
                .containsExactly("ACKNOWLEDGEMENT", "CLOSING_FEEDBACK");

        // the customer hears of each new stage once: CONFIRMATION is entered by an event and by a task
        assertThat(records.history(opened.caseId(), false)).extracting(CaseEvent::type, CaseEvent::stage)
                .containsExactly(
                        tuple(CaseEventType.RECEIVED, "RECEIVED"),
                        tuple(CaseEventType.NOTIFICATION, null),
                        tuple(CaseEventType.STAGE_CHANGED, "INVESTIGATION"),
                        tuple(CaseEventType.STAGE_CHANGED, "CONFIRMATION"),
                        tuple(CaseEventType.CLOSED, "CLOSED"),
                        tuple(CaseEventType.NOTIFICATION, null));
        // the tasks' life is in the case record: who, for which group, when
        var taskSteps = steps.steps(opened.caseId()).stream().filter(s -> s.taskId() != null).toList();
        assertThat(taskSteps).extracting(CaseStep::kind, CaseStep::activityId, CaseStep::actor, CaseStep::actorGroup)
                .containsExactly(
                        tuple(StepKind.TASK_CREATED, "Task_Investigate", CaseRecords.SYSTEM, "customer-service"),
                        tuple(StepKind.TASK_ASSIGNED, "Task_Investigate", "agent7", "customer-service"),
                        tuple(StepKind.TASK_COMPLETED, "Task_Investigate", "agent7", "customer-service"),
                        tuple(StepKind.TASK_CREATED, "Task_ConfirmResult", CaseRecords.SYSTEM, "customer-service"),
                        tuple(StepKind.TASK_COMPLETED, "Task_ConfirmResult", CaseRecords.SYSTEM, "customer-service"));
        assertThat(taskSteps.get(0).taskId()).isEqualTo(investigate.getId());
        assertThat(taskSteps.get(2).details()).as("what the form submitted")
                .containsEntry("resolution", "Meter replaced on site").containsEntry("rootCause", "METER_FAULT");
        assertThat(records.history(opened.caseId(), true)).filteredOn(e -> e.type() == CaseEventType.STAGE_CHANGED)
                .extracting(CaseEvent::textEn, CaseEvent::textZh)
                .contains(tuple("Your case is now at this step: Being investigated.", "您的工单当前进度：调查处理中。"));
        assertThat(runtime.createVariableInstanceQuery().variableName("resolution").count())
                .as("the submission is in the record, not a process variable").isZero();
    }

    @Test
    void shouldRecordEachEscalationWithLevelKindGroupAndTask() {
        var opened = testCases.open(testData.residential());
        runJob(opened.processInstanceId());
        var timer = management.createJobQuery().processInstanceId(opened.processInstanceId()).timers().singleResult();
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
        management.executeJob(timer.getId());

        var review = task(opened.processInstanceId(), "Task_ReviewOverdueCase");
        assertThat(review).isNotNull();
        var afterBreach = cases.find(opened.caseId()).orElseThrow();
        assertThat(afterBreach.escalationLevel()).isEqualTo(2);
        assertThat(afterBreach.assignedGroup()).as("the open task's group stays the case's group")
                .isEqualTo("customer-service");
        assertThat(afterBreach.stage()).isEqualTo("INVESTIGATION");

        tasks.complete(task(opened.processInstanceId(), "Task_Investigate").getId(),
                Map.of("resolution", "Meter replaced on site", "rootCause", "METER_FAULT"));

        assertThat(records.escalations(opened.caseId()))
                .extracting(CaseEscalation::level, CaseEscalation::kind, CaseEscalation::escalatedTo,
                        CaseEscalation::taskId, CaseEscalation::activityId)
                .containsExactly(
                        tuple(2, EscalationKind.FIRST_CONTACT_BREACH, "supervisors", review.getId(),
                                "Task_ReviewOverdueCase"),
                        tuple(1, EscalationKind.RESOLUTION_WARNING, "customer-service", null, "Task_RemindGroup"));
        assertThat(cases.find(opened.caseId()).orElseThrow().escalationLevel())
                .as("a lower escalation does not lower the case's level").isEqualTo(2);
        assertThat(records.history(opened.caseId(), false))
                .as("escalations are internal").noneMatch(e -> e.type() == CaseEventType.ESCALATED);
        assertThat(records.history(opened.caseId(), true)).filteredOn(e -> e.type() == CaseEventType.ESCALATED)
                .extracting(CaseEvent::textEn)
                .first().isEqualTo("Escalated to supervisors: FIRST_CONTACT_BREACH (level 2).");
    }

    @Test
    void shouldRecordACancelledTaskWhenTheCaseIsWithdrawn() {
        var opened = testCases.open(testData.residential());
        runJob(opened.processInstanceId());
        var investigate = task(opened.processInstanceId(), "Task_Investigate");

        runtime.createMessageCorrelation(CaseMessages.CASE_WITHDRAWN).processInstanceBusinessKey(opened.caseId())
                .correlate();

        var withdrawn = cases.find(opened.caseId()).orElseThrow();
        assertThat(withdrawn.status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(withdrawn.outcome()).isEqualTo("WITHDRAWN");
        assertThat(steps.steps(opened.caseId())).filteredOn(s -> s.kind() == StepKind.TASK_CANCELLED)
                .extracting(CaseStep::taskId).containsExactly(investigate.getId());
        assertThat(outbox.forCase(opened.caseId())).extracting(QueuedNotification::template)
                .containsExactly("ACKNOWLEDGEMENT", "WITHDRAWAL_CONFIRMED");
    }
}
