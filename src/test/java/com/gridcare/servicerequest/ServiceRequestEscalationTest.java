package com.gridcare.servicerequest;

import com.gridcare.kernel.process.CaseVariables;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.clock.ClockState;
import com.gridcare.clock.SlaClock;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.RequestDriver;
import com.gridcare.testsupport.ServiceRequestFixture;
import com.gridcare.testsupport.TestData;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A breached service-request clock gives service managers work, as complaints do: an intervention task
 * for {@code service-managers} with priority 100 that their "Escalated" filter shows; and a request type
 * with a statutory limit (meter test, connection) raises the regulatory-risk alarm one working day before.
 */
@GridCareTest
class ServiceRequestEscalationTest extends ServiceRequestFixture {

    static final String ESCALATED_FILTER = "Escalated / 已升级";
    static final String REGULATORY_RISK_FILTER = "Regulatory risk / 监管风险";

    @Autowired
    FilterService filters;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;

    @AfterEach
    void reset() {
        ClockUtil.reset();
        identity.clearAuthentication();
    }

    /**
     * The tasks of the process instance a filter shows to the test user of the group (narrowed to the instance: a
     * first page of every task the tests have left need not reach it).
     */
    private List<Task> inFilter(String filterName, String group, String processInstanceId) {
        var filter = filters.createFilterQuery().filterName(filterName).singleResult();
        var ofThisCase = tasks.createTaskQuery().processInstanceId(processInstanceId);
        identity.setAuthentication(TestData.user(group), List.of(group));
        try {
            return filters.listPage(filter.getId(), ofThisCase, 0, 1000);
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void aMeterTestPastItsLimitGivesServiceManagersAnInterventionTaskInTheirEscalatedFilter() {
        var request = requests.register(testData.residential(), "METER_TEST", "{\"meterNumber\": \"M-2026-0815\"}");
        var pi = request.processInstanceId();
        assertThat(runtime.getVariables(pi)).doesNotContainKey(CaseVariables.ESCALATED);

        requests.fire(pi, "BoundaryEvent_MeterTestOverdue");

        assertThat(requests.clockState(request.caseId(), SlaClock.METER_TEST_RESULT)).isEqualTo(ClockState.BREACHED);
        var intervention = requests.task(pi, "Task_InterveneInOverdueMeterTest");
        assertThat(requests.hasGroup(intervention.getId(), Groups.SERVICE_MANAGERS)).isTrue();
        assertThat(intervention.getPriority()).isEqualTo(100);
        assertThat(requests.escalations(request.caseId())).containsExactly("SERVICE_TARGET_BREACH>service-managers");
        assertThat(runtime.getVariable(pi, CaseVariables.ESCALATED)).isEqualTo(true);
        assertThat(inFilter(ESCALATED_FILTER, Groups.SERVICE_MANAGERS, pi)).extracting(Task::getId)
                .contains(intervention.getId());
        assertThat(inFilter(ESCALATED_FILTER, Groups.METERING, pi)).extracting(Task::getId)
                .as("the meter test itself is escalated work for metering")
                .contains(requests.task(pi, "Task_TestMeter").getId()).doesNotContain(intervention.getId());

        requests.complete(pi, "Task_InterveneInOverdueMeterTest", Map.of("interventionNote", "Metering does it today."));
        assertThat(requests.openTasks(pi)).containsExactly("Task_TestMeter");
    }

    @Test
    void aMeterTestOneWorkingDayBeforeItsStatutoryLimitRaisesTheRegulatoryRiskAlarm() {
        RequestDriver.now("2026-03-02T09:00");
        var request = requests.register(testData.residential(), "METER_TEST", "{\"meterNumber\": \"M-2026-0816\"}");
        var pi = request.processInstanceId();
        // due in 5 working days (Monday 9 March 09:00), the alarm 1 working day before: Friday 6 March 09:00
        assertThat(request.dueAt().toInstant()).isEqualTo(RequestDriver.at("2026-03-09T09:00"));
        var alarm = requests.timer(pi, "BoundaryEvent_MeterTestRisk");
        assertThat(alarm.getDuedate().toInstant()).isEqualTo(RequestDriver.at("2026-03-06T09:00"));

        requests.fire(pi, "BoundaryEvent_MeterTestRisk");

        var risk = requests.task(pi, "Task_HandleMeterTestRisk");
        assertThat(requests.hasGroup(risk.getId(), Groups.SERVICE_MANAGERS)).isTrue();
        assertThat(risk.getPriority()).isEqualTo(100);
        assertThat(requests.clockState(request.caseId(), SlaClock.METER_TEST_RESULT)).isEqualTo(ClockState.WARNED);
        assertThat(requests.escalations(request.caseId())).containsExactly("REGULATORY_RISK>service-managers");
        assertThat(runtime.getVariables(pi)).containsEntry(CaseVariables.REGULATORY_RISK, true)
                .containsEntry(CaseVariables.ESCALATED, true);
        assertThat(inFilter(REGULATORY_RISK_FILTER, Groups.SERVICE_MANAGERS, pi)).extracting(Task::getId)
                .contains(risk.getId());

        requests.complete(pi, "Task_TestMeter", Map.of("meterAccurate", true, "meterTestResult", "Within class 2."));
        assertThat(requests.clockState(request.caseId(), SlaClock.METER_TEST_RESULT)).isEqualTo(ClockState.MET);
    }

    @Test
    void aConnectionPastItsLimitGivesServiceManagersAnInterventionTaskAndAlarmsADayBefore() {
        var request = requests.register(testData.residential(), "NEW_CONNECTION",
                "{\"voltageKv\": 0.22, \"capacityKva\": 8, \"documents\": [\"ID_CARD\", \"PROPERTY_CERTIFICATE\"]}");
        var pi = request.processInstanceId();

        requests.fire(pi, "BoundaryEvent_ConnectionRisk");
        assertThat(requests.task(pi, "Task_HandleConnectionRisk").getPriority()).isEqualTo(100);
        requests.fire(pi, "BoundaryEvent_ConnectionOverdue");

        var intervention = requests.task(pi, "Task_InterveneInOverdueConnection");
        assertThat(requests.hasGroup(intervention.getId(), Groups.SERVICE_MANAGERS)).isTrue();
        assertThat(intervention.getPriority()).isEqualTo(100);
        assertThat(requests.escalations(request.caseId())).containsExactly("REGULATORY_RISK>service-managers",
                "SERVICE_TARGET_BREACH>service-managers");
        assertThat(inFilter(ESCALATED_FILTER, Groups.SERVICE_MANAGERS, pi)).extracting(Task::getId)
                .contains(intervention.getId());
    }

    @Test
    void anAccountChangePastItsInternalTargetIsEscalatedButRaisesNoRegulatoryAlarm() {
        var request = requests.register(testData.residential(), "TARIFF_CHANGE",
                "{\"tariff\": \"TIME_OF_USE\", \"documents\": [\"ID_CARD\"]}");
        var pi = request.processInstanceId();

        requests.fire(pi, "BoundaryEvent_RequestOverdue");

        var intervention = requests.task(pi, "Task_InterveneInOverdueRequest");
        assertThat(requests.hasGroup(intervention.getId(), Groups.SERVICE_MANAGERS)).isTrue();
        assertThat(intervention.getPriority()).isEqualTo(100);
        assertThat(runtime.getVariables(pi)).doesNotContainKey(CaseVariables.REGULATORY_RISK);
    }
}
