package com.gridcare.servicerequest;

import static com.gridcare.testsupport.RequestDriver.at;
import static com.gridcare.testsupport.RequestDriver.now;
import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.clock.ClockState;
import com.gridcare.clock.SlaClock;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.points.PointsLedger;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.ServiceRequestFixture;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Outage repair through {@code service-request}: 24×7 arrival and restoration clocks, customer updates, escalation on each breach. */
@GridCareTest
class OutageRepairRequestTest extends ServiceRequestFixture {

    @Autowired
    FormService forms;
    @Autowired
    CustomerRepository customers;
    @Autowired
    PointsLedger ledger;

    @Test
    void anOutageReportedAt2300OnAPublicHolidayGetsItsArrivalAndRestorationDueTimesInClockTime() {
        now("2026-10-01T23:00");
        var request = requests.register(testData.residential(), "OUTAGE_REPAIR", "{\"area\": \"URBAN\"}");
        var pi = request.processInstanceId();

        // National Day is no working day, but outages run around the clock: 45 minutes
        assertThat(request.dueAt()).isEqualTo(OffsetDateTime.parse("2026-10-01T23:45+08:00"));
        assertThat(request.assignedGroup()).isEqualTo("field-service");
        var dispatch = requests.task(pi, "Task_DispatchCrew");
        assertThat(dispatch.getDueDate().toInstant()).isEqualTo(at("2026-10-01T23:45"));
        assertThat(requests.timer(pi, "BoundaryEvent_ArrivalOverdue").getDuedate().toInstant()).isEqualTo(at("2026-10-01T23:45"));

        now("2026-10-01T23:05");
        requests.complete(pi, "Task_DispatchCrew", Map.of("crewName", "Crew 7, Dongcheng"));
        assertThat(requests.notifications(request.caseId())).contains("CREW_DISPATCHED");
        now("2026-10-01T23:40");
        requests.complete(pi, "Task_ReportCrewArrival", Map.of("arrivalNote", "Blown fuse on pole 12."));

        assertThat(requests.clockState(request.caseId(), SlaClock.OUTAGE_ARRIVAL)).isEqualTo(ClockState.MET);
        // restoration: 3 hours from arrival, across midnight
        var restore = requests.task(pi, "Task_RestoreSupply");
        assertThat(restore.getDueDate().toInstant()).isEqualTo(at("2026-10-02T02:40"));
        assertThat(forms.getTaskFormVariables(restore.getId()).get("restoreBy")).isEqualTo("2026-10-02T02:40+08:00");
        assertThat(requests.notifications(request.caseId())).contains("CREW_ARRIVED");

        now("2026-10-02T00:30");
        requests.complete(pi, "Task_RestoreSupply", Map.of("repairReport", "Fuse replaced, supply back."));
        assertThat(requests.clockState(request.caseId(), SlaClock.OUTAGE_RESTORATION)).isEqualTo(ClockState.MET);
        assertThat(requests.notifications(request.caseId())).contains("SUPPLY_RESTORED");
        requests.complete(pi, "Task_ConfirmWithCustomer", Map.of("result", "Supply restored at 00:30."));
        assertThat(requests.caseRow(request.caseId())).containsEntry("outcome", "COMPLETED");
        assertThat(requests.escalations(request.caseId())).isEmpty();
    }

    @Test
    void aCrewLateOnSiteAndASupplyRestoredLateAreEachEscalatedToServiceManagers() {
        now("2026-03-02T20:00");
        var request = requests.register(testData.residential(), "OUTAGE_REPAIR", "{\"area\": \"RURAL\"}");
        var pi = request.processInstanceId();
        assertThat(request.dueAt()).isEqualTo(OffsetDateTime.parse("2026-03-02T21:30+08:00"));

        requests.fire(pi, "BoundaryEvent_ArrivalOverdue");
        assertThat(requests.clockState(request.caseId(), SlaClock.OUTAGE_ARRIVAL)).isEqualTo(ClockState.BREACHED);
        assertThat(requests.escalations(request.caseId())).containsExactly("ARRIVAL_BREACH>service-managers");
        assertThat(runtime.getVariable(pi, "escalated")).isEqualTo(true);

        requests.complete(pi, "Task_DispatchCrew", Map.of("crewName", "Crew 2"));
        requests.complete(pi, "Task_ReportCrewArrival", Map.of("arrivalNote", "Tree on the line."));
        assertThat(requests.clockState(request.caseId(), SlaClock.OUTAGE_ARRIVAL)).isEqualTo(ClockState.BREACHED);
        // rural: 4 hours from arrival
        var arrivedAt = java.time.Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime());
        assertThat(requests.timer(pi, "BoundaryEvent_RestorationOverdue").getDuedate().toInstant())
                .isEqualTo(arrivedAt.plus(java.time.Duration.ofHours(4)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

        requests.fire(pi, "BoundaryEvent_RestorationOverdue");
        assertThat(requests.clockState(request.caseId(), SlaClock.OUTAGE_RESTORATION)).isEqualTo(ClockState.BREACHED);
        assertThat(requests.escalations(request.caseId()))
                .containsExactly("ARRIVAL_BREACH>service-managers", "RESTORATION_BREACH>service-managers");
        assertThat(requests.openTasks(pi)).containsExactlyInAnyOrder("Task_RestoreSupply", "Task_InterveneInLateArrival",
                "Task_InterveneInLateRestoration");
    }

    @Test
    void aRemoteOutageHasAnArrivalTargetOnlyAndIsRestoredWithoutARestorationClock() {
        now("2026-03-02T20:00");
        var request = requests.register(testData.residential(), "OUTAGE_REPAIR", "{\"area\": \"REMOTE\"}");
        var pi = request.processInstanceId();
        assertThat(request.dueAt()).isEqualTo(OffsetDateTime.parse("2026-03-02T22:00+08:00"));

        requests.complete(pi, "Task_DispatchCrew", Map.of("crewName", "Mountain crew"));
        requests.complete(pi, "Task_ReportCrewArrival", Map.of("arrivalNote", "Transformer damaged."));

        assertThat(requests.openTasks(pi)).containsExactly("Task_RestoreSupplyWithoutTarget");
        assertThat(clocks.of(request.caseId(), SlaClock.OUTAGE_RESTORATION)).isEmpty();
        requests.complete(pi, "Task_RestoreSupplyWithoutTarget", Map.of("repairReport", "Transformer replaced."));
        assertThat(requests.notifications(request.caseId())).contains("SUPPLY_RESTORED");
        assertThat(requests.openTasks(pi)).containsExactly("Task_ConfirmWithCustomer");
    }
}
