package com.gridcare.servicerequest;

import static com.gridcare.testsupport.RequestDriver.at;
import static com.gridcare.testsupport.RequestDriver.now;
import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.clock.ClockState;
import com.gridcare.clock.SlaClock;
import com.gridcare.customer.CustomerClass;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.ServiceRequestFixture;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.FormService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** New connections and capacity changes through {@code service-request}: clocks, site work, supply plans, breaches. */
@GridCareTest
class ConnectionRequestTest extends ServiceRequestFixture {

    @Autowired
    FormService forms;
    @Autowired
    HistoryService history;

    @Test
    void aResidentialConnectionRequestedBeforeNationalDayIsDueOnTuesday13OctoberAndRunsToTheSurvey() {
        now("2026-09-30T10:00");
        var request = requests.register(testData.residential(), "NEW_CONNECTION", """
                {"voltageKv": 0.22, "capacityKva": 8, "documents": ["ID_CARD", "PROPERTY_CERTIFICATE"]}""");

        // 7.5 h on Wed 30th, National Day 1–7 October off, Thu 8, Fri 9, the make-up Saturday 10, Mon 12, 1.5 h on Tue 13
        assertThat(request.dueAt()).isEqualTo(OffsetDateTime.parse("2026-10-13T10:00+08:00"));
        assertThat(request.assignedGroup()).isEqualTo("customer-service");
        var pi = request.processInstanceId();
        var survey = requests.task(pi, "Task_SurveySite");
        assertThat(survey.getDueDate().toInstant()).isEqualTo(at("2026-10-13T10:00"));
        assertThat(tasks.getIdentityLinksForTask(survey.getId())).anyMatch(l -> "field-service".equals(l.getGroupId()));
        assertThat(runtime.getVariable(pi, "category")).isEqualTo("NEW_CONNECTION");
        assertThat(runtime.getVariable(pi, "escalated")).as("marked only when escalated").isNull();
        assertThat(runtime.getVariable(pi, "waitingForCustomer")).isNull();
        assertThat(forms.getTaskFormVariables(survey.getId()).get("contactMasked")).as("the form's context")
                .isEqualTo("138****8000");

        now("2026-10-09T11:00");
        requests.complete(pi, "Task_SurveySite", Map.of("surveyFindings", "Connect to pole 12, single-phase meter."));
        // below 10 kV: no supply plan approval
        assertThat(requests.openTasks(pi)).containsExactly("Task_CarryOutSiteWork");
        requests.complete(pi, "Task_CarryOutSiteWork", Map.of("siteWorkReport", "Meter 4711 fitted, energised."));
        assertThat(requests.clockState(request.caseId(), SlaClock.CONNECTION_UTILITY_SIDE)).isEqualTo(ClockState.MET);
        requests.complete(pi, "Task_ConfirmWithCustomer", Map.of("result", "Your supply is connected, meter 4711."));

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
        assertThat(requests.caseRow(request.caseId())).containsEntry("status", "CLOSED").containsEntry("outcome", "COMPLETED");
        assertThat(requests.notifications(request.caseId())).contains("REQUEST_RECEIVED", "REQUEST_COMPLETED");
        assertThat(requests.surveyRequested(request.caseId())).isTrue();
        // the survey helper's survey-follow-up takes it from here
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey WHERE case_id = ?").param(request.caseId())
                .query(Integer.class).single()).isOne();
        assertThat(requests.escalations(request.caseId())).isEmpty();
    }

    @Test
    void aHighVoltageDualSupplyConnectionNeedsAKeyAccountsSupplyPlanAndIsSurveyedAgainWhenThePlanIsRejected() {
        now("2026-03-02T09:00");
        var shop = testData.customer(CustomerClass.COMMERCIAL, 50_000, "0.4", "50", false, false);
        var request = requests.register(shop, "NEW_CONNECTION", """
                {"voltageKv": 10, "supply": "DUAL", "capacityKva": 800,
                 "documents": ["BUSINESS_LICENCE", "PROPERTY_CERTIFICATE", "LOAD_LIST"]}""");

        assertThat(request.assignedGroup()).isEqualTo("key-accounts");
        var clock = clocks.of(request.caseId(), SlaClock.CONNECTION_UTILITY_SIDE).orElseThrow();
        assertThat(clock.target()).startsWith("32 working days");
        var pi = request.processInstanceId();
        requests.complete(pi, "Task_SurveySite", Map.of("surveyFindings", "Two 10 kV feeders from substation 3."));
        var approval = requests.task(pi, "Task_ApproveSupplyPlan");
        assertThat(tasks.getIdentityLinksForTask(approval.getId())).anyMatch(l -> "key-accounts".equals(l.getGroupId()));
        requests.complete(pi, "Task_ApproveSupplyPlan", Map.of("supplyPlanApproved", false,
                "supplyPlanComment", "Second feeder must come from substation 5."));
        assertThat(requests.openTasks(pi)).containsExactly("Task_SurveySite");
        requests.complete(pi, "Task_SurveySite", Map.of("surveyFindings", "Feeders from substations 3 and 5."));
        requests.complete(pi, "Task_ApproveSupplyPlan", Map.of("supplyPlanApproved", true,
                "supplyPlanComment", "Approved."));
        requests.complete(pi, "Task_CarryOutSiteWork", Map.of("siteWorkReport", "Switchgear installed, energised."));
        requests.complete(pi, "Task_ConfirmWithCustomer", Map.of("result", "Your 10 kV dual supply is live."));

        assertThat(requests.clockState(request.caseId(), SlaClock.CONNECTION_UTILITY_SIDE)).isEqualTo(ClockState.MET);
        assertThat(requests.caseRow(request.caseId())).containsEntry("outcome", "COMPLETED");
    }

    @Test
    void aCapacityChangeNotConnectedInTimeIsBreachedAndEscalatedToServiceManagers() {
        now("2026-03-02T09:00");
        var request = requests.register(testData.residential(), "CAPACITY_CHANGE", """
                {"voltageKv": 0.22, "capacityKva": 12, "documents": ["ID_CARD", "LOAD_LIST"]}""");
        var pi = request.processInstanceId();
        // residential: 5 working days from Monday 09:00 = Monday 9 March 09:00
        assertThat(request.dueAt()).isEqualTo(OffsetDateTime.parse("2026-03-09T09:00+08:00"));
        assertThat(requests.timer(pi, "BoundaryEvent_ConnectionOverdue").getDuedate().toInstant())
                .isEqualTo(at("2026-03-09T09:00"));

        requests.fire(pi, "BoundaryEvent_ConnectionOverdue");

        assertThat(requests.clockState(request.caseId(), SlaClock.CONNECTION_UTILITY_SIDE)).isEqualTo(ClockState.BREACHED);
        assertThat(requests.escalations(request.caseId())).containsExactly("SERVICE_TARGET_BREACH>service-managers");
        assertThat(runtime.getVariable(pi, "escalated")).isEqualTo(true);
        // the work goes on, and service managers intervene
        assertThat(requests.openTasks(pi)).containsExactlyInAnyOrder("Task_SurveySite",
                "Task_InterveneInOverdueConnection");
        requests.complete(pi, "Task_SurveySite", Map.of("surveyFindings", "Upgrade the service cable."));
        requests.complete(pi, "Task_CarryOutSiteWork", Map.of("siteWorkReport", "Cable replaced."));
        assertThat(requests.clockState(request.caseId(), SlaClock.CONNECTION_UTILITY_SIDE)).isEqualTo(ClockState.BREACHED);
    }
}
