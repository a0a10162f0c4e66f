package com.gridcare.clock;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.testsupport.GridCareTest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A process designer states working time in the model: task due dates and timers written as
 * "1 working day", "4 working hours", "2 个工作日" or "45 working minutes in 24x7" are counted in
 * GridCare's calendars by the engine; ISO 8601 durations keep Camunda's meaning.
 */
@GridCareTest
class WorkingTimeInModelsTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String KEY = "working-time-model-test";

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;

    String deploymentId;

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        if (deploymentId != null) repository.deleteDeployment(deploymentId, true);
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private void deploy() {
        var model = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
                .startEvent("StartEvent_Started")
                .userTask("Task_Reply").camundaDueDate("1 working day").camundaFollowUpDate("2 个工作日")
                .boundaryEvent("BoundaryEvent_Remind").cancelActivity(false).timerWithDuration("4 working hours")
                .endEvent("EndEvent_Reminded")
                .moveToActivity("Task_Reply")
                .boundaryEvent("BoundaryEvent_Escalate").cancelActivity(false).timerWithDuration("PT1H")
                .endEvent("EndEvent_Escalated")
                .moveToActivity("Task_Reply")
                .boundaryEvent("BoundaryEvent_CallBack").cancelActivity(false)
                .timerWithDuration("45 working minutes in 24x7")
                .endEvent("EndEvent_CalledBack")
                .moveToActivity("Task_Reply")
                .boundaryEvent("BoundaryEvent_Deadline").cancelActivity(false).timerWithDate("1.5 working days")
                .endEvent("EndEvent_Deadline")
                .moveToActivity("Task_Reply")
                .endEvent("EndEvent_Replied")
                .done();
        deploymentId = repository.createDeployment().addModelInstance(KEY + ".bpmn", model).deploy().getId();
    }

    private Date timer(String processInstanceId, String activityId) {
        return management.createJobQuery().processInstanceId(processInstanceId).activityId(activityId).singleResult()
                .getDuedate();
    }

    @Test
    void countsWorkingTimeWrittenInTheModelFromFridayAfternoonOverTheMakeUpSunday() {
        deploy();
        ClockUtil.setCurrentTime(Date.from(at("2026-09-18T16:00")));

        var pi = runtime.startProcessInstanceByKey(KEY).getId();

        var task = tasks.createTaskQuery().processInstanceId(pi).singleResult();
        assertThat(task.getDueDate().toInstant()).as("1 working day").isEqualTo(at("2026-09-20T16:00"));
        // 2 working days: Sun 20 (make-up) 16:00 + 9 h = Mon 21 16:00
        assertThat(task.getFollowUpDate().toInstant()).as("2 个工作日").isEqualTo(at("2026-09-21T16:00"));
        // 1.5 h on Friday, 2.5 h on the make-up Sunday
        assertThat(timer(pi, "BoundaryEvent_Remind").toInstant()).as("4 working hours").isEqualTo(at("2026-09-20T11:00"));
        assertThat(timer(pi, "BoundaryEvent_Escalate").toInstant()).as("PT1H is clock time").isEqualTo(at("2026-09-18T17:00"));
        assertThat(timer(pi, "BoundaryEvent_CallBack").toInstant()).as("in 24x7").isEqualTo(at("2026-09-18T16:45"));
        // 13.5 h: 1.5 Friday, 9 Sunday, 3 Monday
        assertThat(timer(pi, "BoundaryEvent_Deadline").toInstant()).as("1.5 working days as a date")
                .isEqualTo(at("2026-09-21T11:30"));
    }

    @Test
    void recalculatingATimerFromItsCreationKeepsItsWorkingTimeDueDate() {
        deploy();
        ClockUtil.setCurrentTime(Date.from(at("2026-09-18T16:00")));
        var pi = runtime.startProcessInstanceByKey(KEY).getId();
        var job = management.createJobQuery().processInstanceId(pi).activityId("BoundaryEvent_Remind").singleResult();

        ClockUtil.setCurrentTime(Date.from(at("2026-09-22T10:00")));
        management.recalculateJobDuedate(job.getId(), true);
        assertThat(timer(pi, "BoundaryEvent_Remind").toInstant()).isEqualTo(at("2026-09-20T11:00"));
        management.recalculateJobDuedate(job.getId(), false);
        assertThat(timer(pi, "BoundaryEvent_Remind").toInstant()).isEqualTo(at("2026-09-22T14:00"));
    }

    @Test
    void parsesTheDesignersSyntaxAndLeavesIsoToCamunda() {
        assertThat(WorkingTimeExpression.parse("1 working day")).isPresent();
        assertThat(WorkingTimeExpression.parse(" 7 Working Days ")).get()
                .extracting(WorkingTimeExpression::unit).isEqualTo("day");
        assertThat(WorkingTimeExpression.parse("4 个工作小时")).get().extracting(WorkingTimeExpression::unit)
                .isEqualTo("hour");
        assertThat(WorkingTimeExpression.parse("30 working minutes on china-workdays")).get()
                .extracting(WorkingTimeExpression::calendar).isEqualTo("china-workdays");
        assertThat(WorkingTimeExpression.parse("P1D")).isEmpty();
        assertThat(WorkingTimeExpression.parse("2026-10-01T10:00:00")).isEmpty();
        assertThat(WorkingTimeExpression.parse("1 day")).isEmpty();
    }
}
