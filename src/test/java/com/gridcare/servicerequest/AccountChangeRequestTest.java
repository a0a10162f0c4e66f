package com.gridcare.servicerequest;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Moves, tariff changes and green plan enrolment through {@code service-request}: the routed group, the 5-working-day target, GREEN and its reward, withdrawal. */
@GridCareTest
class AccountChangeRequestTest extends ServiceRequestFixture {

    @Autowired
    CustomerRepository customers;
    @Autowired
    PointsLedger ledger;

    @Test
    void aTariffChangeIsMadeByBillingWithinItsInternalTarget() {
        now("2026-03-02T09:00");
        var request = requests.register(testData.residential(), "TARIFF_CHANGE", """
                {"tariff": "TIME_OF_USE", "documents": ["ID_CARD"]}""");
        var pi = request.processInstanceId();
        assertThat(request.assignedGroup()).isEqualTo("billing");
        assertThat(request.dueAt()).isEqualTo(OffsetDateTime.parse("2026-03-09T09:00+08:00"));
        assertThat(requests.hasGroup(requests.task(pi, "Task_ChangeAccount").getId(), "billing")).isTrue();

        requests.complete(pi, "Task_ChangeAccount", Map.of("accountChangeNote", "Time-of-use tariff from 1 April."));
        assertThat(requests.clockState(request.caseId(), SlaClock.REQUEST_COMPLETION)).isEqualTo(ClockState.MET);
        requests.complete(pi, "Task_ConfirmWithCustomer", Map.of("result", "Time-of-use tariff from 1 April."));
        assertThat(requests.caseRow(request.caseId())).containsEntry("outcome", "COMPLETED");
        assertThat(requests.notifications(request.caseId())).contains("REQUEST_RECEIVED", "REQUEST_COMPLETED");
    }

    @Test
    void aMoveOutIsHandledByCustomerServiceAndEscalatedWhenOverdue() {
        now("2026-03-02T09:00");
        var request = requests.register(testData.residential(), "MOVE_OUT", """
                {"moveDate": "2026-03-20", "finalReadingKwh": 12345, "documents": ["ID_CARD"]}""");
        var pi = request.processInstanceId();
        assertThat(request.assignedGroup()).isEqualTo("customer-service");

        requests.fire(pi, "BoundaryEvent_RequestOverdue");

        assertThat(requests.clockState(request.caseId(), SlaClock.REQUEST_COMPLETION)).isEqualTo(ClockState.BREACHED);
        assertThat(requests.escalations(request.caseId())).containsExactly("SERVICE_TARGET_BREACH>service-managers");
        assertThat(runtime.getVariable(pi, "escalated")).isEqualTo(true);
        assertThat(requests.openTasks(pi)).containsExactlyInAnyOrder("Task_ChangeAccount",
                "Task_InterveneInOverdueRequest");
        // the account changed, the intervention is no longer needed: cancelled, and the record says so
        requests.complete(pi, "Task_ChangeAccount", Map.of("accountChangeNote", "Final reading 12345, account closed."));
        assertThat(requests.openTasks(pi)).containsExactly("Task_ConfirmWithCustomer");
        assertThat(requests.recordedSteps(request.caseId(), "TASK_CANCELLED")).isEqualTo(1);
    }

    @Test
    void greenPlanEnrolmentAddsTheGreenSegmentAndCreditsTheQuarterlyRewardOnce() {
        now("2026-03-02T09:00");
        var customerId = testData.residential();
        assertThat(customers.find(customerId).orElseThrow().segments()).doesNotContain("GREEN");
        var request = requests.register(customerId, "GREEN_PLAN_ENROLMENT", "{\"greenSharePercent\": 50}");
        var pi = request.processInstanceId();
        assertThat(request.assignedGroup()).isEqualTo("customer-service");

        requests.complete(pi, "Task_ChangeAccount", Map.of("accountChangeNote", "50 % green electricity from April."));

        var customer = customers.find(customerId).orElseThrow();
        assertThat(customer.greenPlan()).isTrue();
        assertThat(customer.segments()).contains("GREEN");
        assertThat(ledger.balance(customerId)).isEqualTo(200);
        assertThat(ledger.exists("GREEN_PLAN:" + customerId + ":2026-Q1")).isTrue();

        // a second enrolment in the same quarter books nothing more
        var again = requests.register(customerId, "GREEN_PLAN_ENROLMENT", "{\"greenSharePercent\": 100}");
        requests.complete(again.processInstanceId(), "Task_ChangeAccount", Map.of("accountChangeNote", "Raised to 100 %."));
        assertThat(ledger.balance(customerId)).isEqualTo(200);
    }

    @Test
    void aCustomerMayWithdrawAnOpenRequest() {
        now("2026-03-02T09:00");
        var request = requests.register(testData.residential(), "MOVE_IN", """
                {"moveDate": "2026-03-10", "documents": ["ID_CARD", "PROPERTY_CERTIFICATE"]}""");
        var pi = request.processInstanceId();

        var answer = channel.post("/api/v1/cases/" + request.caseId() + "/withdrawal", "{\"reason\": \"Not moving after all.\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        requests.runJobs(pi);

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
        assertThat(requests.caseRow(request.caseId())).containsEntry("outcome", "WITHDRAWN");
    }
}
