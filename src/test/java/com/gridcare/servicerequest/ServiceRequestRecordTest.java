package com.gridcare.servicerequest;

import static com.gridcare.testsupport.RequestDriver.now;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.gridcare.cases.CaseStep;
import com.gridcare.cases.CaseSteps;
import com.gridcare.cases.StepKind;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.ServiceRequestFixture;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The case record of service requests worked as staff work them (GridCare's task API, as the members of
 * the groups): a meter test that finds the meter faulty and corrects the bills, and an outage repair.
 * After the process has ended and its history is gone, the record holds every result with who, group
 * and when.
 */
@GridCareTest
class ServiceRequestRecordTest extends ServiceRequestFixture {

    @Autowired
    HistoryService history;
    @Autowired
    CaseSteps steps;

    private void complete(String processInstanceId, String key, String group, String variables) {
        var task = requests.task(processInstanceId, key);
        var answer = Api.at(port).as(group).post("/api/v1/tasks/" + task.getId() + "/complete",
                "{\"variables\": " + variables + "}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        requests.runJobs(processInstanceId);
    }

    private void ended(String processInstanceId) {
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count()).isZero();
        history.deleteHistoricProcessInstance(processInstanceId);
    }

    @Test
    void aMeterTestThatFindsTheMeterFaultyKeepsTheResultAndTheBillingCorrection() {
        var request = requests.register(testData.residential(), "METER_TEST", "{\"meterNumber\": \"M-2026-4711\"}");
        var pi = request.processInstanceId();

        complete(pi, "Task_TestMeter", Groups.METERING, """
                {"meterAccurate": false, "meterTestResult": "Error +6 %, meter replaced."}""");
        complete(pi, "Task_CorrectBilling", Groups.BILLING, """
                {"correctionAmount": 120.5, "correctionNote": "6 % of three bills refunded."}""");
        complete(pi, "Task_ConfirmWithCustomer", Groups.METERING, """
                {"result": "Meter replaced, 120.50 CNY refunded."}""");
        ended(pi);

        var record = steps.steps(request.caseId());
        assertThat(record).filteredOn(s -> s.kind() == StepKind.METER_TEST).singleElement().satisfies(test -> {
            assertThat(test.outcome()).isEqualTo("FAULTY");
            assertThat(test.text("meterTestResult")).isEqualTo("Error +6 %, meter replaced.");
            assertThat(test.actor()).isEqualTo("metering");
            assertThat(test.actorGroup()).isEqualTo(Groups.METERING);
            assertThat(test.occurredAt()).isNotNull();
        });
        assertThat(record).filteredOn(s -> s.kind() == StepKind.BILLING_CORRECTION).singleElement().satisfies(c -> {
            assertThat(c.amount()).isEqualByComparingTo("120.5");
            assertThat(c.text("correctionNote")).isEqualTo("6 % of three bills refunded.");
            assertThat(c.actor()).isEqualTo("billing");
            assertThat(c.actorGroup()).isEqualTo(Groups.BILLING);
        });
        assertThat(record).filteredOn(s -> s.kind() == StepKind.REQUEST_CONFIRMATION).singleElement()
                .satisfies(c -> assertThat(c.text("result")).isEqualTo("Meter replaced, 120.50 CNY refunded."));
    }

    @Test
    void anOutageRepairKeepsTheCrewItsArrivalTheRestorationAndTheReport() {
        now("2026-10-01T23:00");
        var request = requests.register(testData.residential(), "OUTAGE_REPAIR", "{\"area\": \"URBAN\"}");
        var pi = request.processInstanceId();

        now("2026-10-01T23:05");
        complete(pi, "Task_DispatchCrew", Groups.FIELD_SERVICE, "{\"crewName\": \"Crew 7, Dongcheng\"}");
        now("2026-10-01T23:40");
        complete(pi, "Task_ReportCrewArrival", Groups.FIELD_SERVICE, "{\"arrivalNote\": \"Blown fuse on pole 12.\"}");
        now("2026-10-02T00:30");
        complete(pi, "Task_RestoreSupply", Groups.FIELD_SERVICE, "{\"repairReport\": \"Fuse replaced, supply back.\"}");
        complete(pi, "Task_ConfirmWithCustomer", Groups.FIELD_SERVICE, "{\"result\": \"Supply restored at 00:30.\"}");
        ended(pi);

        var record = steps.steps(request.caseId());
        assertThat(record).filteredOn(s -> s.kind().name().startsWith("CREW") || s.kind() == StepKind.REPAIR
                        || s.kind() == StepKind.SUPPLY_RESTORED)
                .extracting(CaseStep::kind, CaseStep::actor, s -> s.occurredAt().toInstant())
                .containsExactly(
                        tuple(StepKind.CREW_DISPATCHED, "fieldservice", OffsetDateTime.parse("2026-10-01T23:05+08:00").toInstant()),
                        tuple(StepKind.CREW_ARRIVED, "fieldservice", OffsetDateTime.parse("2026-10-01T23:40+08:00").toInstant()),
                        tuple(StepKind.REPAIR, "fieldservice", OffsetDateTime.parse("2026-10-02T00:30+08:00").toInstant()),
                        tuple(StepKind.SUPPLY_RESTORED, "system", OffsetDateTime.parse("2026-10-02T00:30+08:00").toInstant()));
        assertThat(record).filteredOn(s -> s.kind() == StepKind.CREW_DISPATCHED).singleElement()
                .satisfies(s -> assertThat(s.text("crewName")).isEqualTo("Crew 7, Dongcheng"));
        assertThat(record).filteredOn(s -> s.kind() == StepKind.CREW_ARRIVED).singleElement()
                .satisfies(s -> assertThat(s.text("arrivalNote")).isEqualTo("Blown fuse on pole 12."));
        assertThat(record).filteredOn(s -> s.kind() == StepKind.REPAIR).singleElement()
                .satisfies(s -> assertThat(s.text("repairReport")).isEqualTo("Fuse replaced, supply back."));
        assertThat(record).filteredOn(s -> s.kind() == StepKind.SUPPLY_RESTORED).singleElement()
                .satisfies(s -> assertThat(OffsetDateTime.parse(s.text("restoredAt")).toInstant())
                        .isEqualTo(OffsetDateTime.parse("2026-10-02T00:30+08:00").toInstant()));
        // the customer was told when supply came back, from the record
        assertThat(jdbc.sql("SELECT body FROM notification_outbox WHERE case_id = ? AND template = 'SUPPLY_RESTORED'")
                .param(request.caseId()).query(String.class).single()).contains("00:30");
    }
}
