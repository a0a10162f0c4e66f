package com.gridcare.servicerequest;

import static com.gridcare.testsupport.RequestDriver.at;
import static com.gridcare.testsupport.RequestDriver.now;
import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.clock.ClockState;
import com.gridcare.clock.SlaClock;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.points.PointsLedger;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.ServiceRequestFixture;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Meter tests through {@code service-request}: by metering in 5 working days, billing corrections, breaches, proactive tests. */
@GridCareTest
class MeterTestRequestTest extends ServiceRequestFixture {

    @Autowired
    FormService forms;
    @Autowired
    CustomerRepository customers;
    @Autowired
    PointsLedger ledger;

    @Test
    void aMeterWithinToleranceIsTestedByMeteringAndTheRequestClosed() {
        now("2026-03-02T09:00");
        var request = requests.register(testData.residential(), "METER_TEST", "{\"meterNumber\": \"M-20260302\"}");
        var pi = request.processInstanceId();
        assertThat(request.assignedGroup()).isEqualTo("metering");
        assertThat(request.dueAt()).isEqualTo(OffsetDateTime.parse("2026-03-09T09:00+08:00"));
        var test = requests.task(pi, "Task_TestMeter");
        assertThat(requests.hasGroup(test.getId(), "metering")).isTrue();
        assertThat(test.getDueDate().toInstant()).isEqualTo(at("2026-03-09T09:00"));

        requests.complete(pi, "Task_TestMeter", Map.of("meterAccurate", true, "meterTestResult", "Error +0.3 %, within class 2."));
        assertThat(requests.clockState(request.caseId(), SlaClock.METER_TEST_RESULT)).isEqualTo(ClockState.MET);
        assertThat(requests.openTasks(pi)).containsExactly("Task_ConfirmWithCustomer");
        requests.complete(pi, "Task_ConfirmWithCustomer", Map.of("result", "Your meter is accurate (+0.3 %)."));
        assertThat(requests.caseRow(request.caseId())).containsEntry("outcome", "COMPLETED");
        assertThat(requests.surveyRequested(request.caseId())).isTrue();
    }

    @Test
    void aFailedMeterOpensABillingCorrectionForBilling() {
        now("2026-03-02T09:00");
        var request = requests.register(testData.residential(), "METER_TEST", "{\"meterNumber\": \"M-20260303\"}");
        var pi = request.processInstanceId();
        requests.complete(pi, "Task_TestMeter", Map.of("meterAccurate", false, "meterTestResult", "Error +6 %, meter replaced."));

        var correction = requests.task(pi, "Task_CorrectBilling");
        assertThat(requests.hasGroup(correction.getId(), "billing")).isTrue();
        requests.complete(pi, "Task_CorrectBilling", Map.of("correctionAmount", 120.5, "correctionNote", "6 % of 3 bills refunded."));
        assertThat(requests.openTasks(pi)).containsExactly("Task_ConfirmWithCustomer");
    }

    @Test
    void aMeterTestResultNotInWithinFiveWorkingDaysIsBreachedAndEscalated() {
        now("2026-03-02T09:00");
        var request = requests.register(testData.residential(), "METER_TEST", "{\"meterNumber\": \"M-20260304\"}");
        var pi = request.processInstanceId();

        requests.fire(pi, "BoundaryEvent_MeterTestOverdue");

        assertThat(requests.clockState(request.caseId(), SlaClock.METER_TEST_RESULT)).isEqualTo(ClockState.BREACHED);
        assertThat(requests.escalations(request.caseId())).containsExactly("SERVICE_TARGET_BREACH>service-managers");
        assertThat(runtime.getVariable(pi, "escalated")).isEqualTo(true);
        assertThat(requests.openTasks(pi)).containsExactlyInAnyOrder("Task_TestMeter",
                "Task_InterveneInOverdueMeterTest");
    }

    String consumption(String month, int kwh) {
        return "[{\"month\": \"%s\", \"kwh\": %d, \"billedAmount\": %d, \"paidOnTime\": true}]".formatted(month, kwh, kwh / 2);
    }

    java.util.List<String> meterTests(String customerId) {
        return jdbc.sql("""
                SELECT c.id FROM service_case c JOIN service_request r ON r.case_id = c.id
                 WHERE c.customer_id = ? AND r.proactive AND c.category = 'METER_TEST' AND c.channel = 'SYSTEM'""")
                .param(customerId).query(String.class).list();
    }

    @Test
    void aConsumptionJumpOpensOneProactiveMeterTestAndTellsTheCustomer() {
        // the test customer used 300 kWh in each of the last 12 months
        var customer = testData.residential();
        var thisMonth = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();

        var stored = channel.put("/api/v1/customers/" + customer + "/consumption", consumption(thisMonth, 900));
        assertThat(stored.status()).as(stored.body()).isEqualTo(204);

        var opened = meterTests(customer);
        assertThat(opened).hasSize(1);
        var caseId = opened.get(0);
        var pi = jdbc.sql("SELECT process_instance_id FROM service_case WHERE id = ?").param(caseId).query(String.class).single();
        requests.runJobs(pi);
        var form = forms.getTaskFormVariables(requests.task(pi, "Task_TestMeter").getId());
        assertThat(form.get("proactive")).isEqualTo(true);
        assertThat(form.get("month")).isEqualTo(thisMonth);
        assertThat(requests.notifications(caseId)).containsExactly("METER_TEST_PROPOSED");
        assertThat(requests.openTasks(pi)).containsExactly("Task_TestMeter");
        assertThat(jdbc.sql("""
                SELECT explanation FROM decision WHERE kind = 'CONSUMPTION_JUMP' AND customer_id = ?
                   AND explanation LIKE 'METER_TEST%'""").param(customer).query(String.class).single())
                .contains("900 kWh", "300 kWh", "+200 %");

        // the billing system sends the month again: no second request
        assertThat(channel.put("/api/v1/customers/" + customer + "/consumption", consumption(thisMonth, 950)).status())
                .isEqualTo(204);
        assertThat(meterTests(customer)).hasSize(1);
    }

    @Test
    void anOrdinaryMonthOpensNothing() {
        var customer = testData.residential();
        var thisMonth = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();

        assertThat(channel.put("/api/v1/customers/" + customer + "/consumption", consumption(thisMonth, 420)).status())
                .isEqualTo(204);

        assertThat(meterTests(customer)).isEmpty();
    }

    @Test
    void meteringCompletesTheTestThroughItsFormWhichNamesAMissingResult() {
        now("2026-03-02T09:00");
        var request = requests.register(testData.residential(), "METER_TEST", "{\"meterNumber\": \"M-20260305\"}");
        var pi = request.processInstanceId();
        var path = "/api/v1/tasks/" + requests.task(pi, "Task_TestMeter").getId() + "/complete";
        var metering = Api.at(port).as(Groups.METERING);

        var missing = metering.post(path, "{\"variables\": {\"meterAccurate\": true}}");
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(missing.body()).contains("meterTestResult");
        assertThat(Api.at(port).as(Groups.BILLING).post(path,
                "{\"variables\": {\"meterAccurate\": true, \"meterTestResult\": \"Error +0.1 %\"}}").status())
                .isEqualTo(403);

        var done = metering.post(path, "{\"variables\": {\"meterAccurate\": true, \"meterTestResult\": \"Error +0.1 %\"}}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        requests.runJobs(pi);
        assertThat(requests.openTasks(pi)).containsExactly("Task_ConfirmWithCustomer");
    }
}
