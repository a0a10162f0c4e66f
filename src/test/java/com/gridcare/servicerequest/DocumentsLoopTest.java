package com.gridcare.servicerequest;

import static com.gridcare.testsupport.RequestDriver.at;
import static com.gridcare.testsupport.RequestDriver.now;
import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.clock.ClockState;
import com.gridcare.clock.SlaClock;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.RequestDriver;
import com.gridcare.testsupport.ServiceRequestFixture;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * The missing-documents loop: ask, wait (clocks paused, "waiting for customer"), documents or an answer
 * by message correlation, a reminder after 2 working days, expiry with notice after 10.
 */
@GridCareTest
class DocumentsLoopTest extends ServiceRequestFixture {

    RequestDriver.Registered moveInWithoutDocuments() {
        now("2026-10-14T09:00");
        var request = requests.register(testData.residential(), "MOVE_IN", "{\"moveDate\": \"2026-10-20\"}");
        var pi = request.processInstanceId();
        assertThat(runtime.createExecutionQuery().processInstanceId(pi).activityId("Task_WaitForDocuments").count())
                .isOne();
        assertThat(runtime.getVariable(pi, "waitingForCustomer")).isEqualTo(true);
        assertThat(requests.recorded(request.caseId(), "DOCUMENTS_MISSING", "documents"))
                .contains("identity card", "property certificate");
        assertThat(requests.clockState(request.caseId(), SlaClock.REQUEST_COMPLETION)).isEqualTo(ClockState.PAUSED);
        assertThat(requests.notifications(request.caseId())).containsExactlyInAnyOrder("REQUEST_RECEIVED", "DOCUMENTS_MISSING");
        assertThat(requests.caseRow(request.caseId())).containsEntry("stage", "WAITING_FOR_CUSTOMER");
        return request;
    }

    @Test
    void documentsSentInTwoGoesAreAskedForAgainThenTheWorkStartsWithTheClockMovedOnByTheWait() {
        var request = moveInWithoutDocuments();
        var pi = request.processInstanceId();
        var dueBefore = clocks.of(request.caseId(), SlaClock.REQUEST_COMPLETION).orElseThrow().dueAt();

        now("2026-10-15T09:00");
        var first = channel.post("/api/v1/service-requests/" + request.caseId() + "/documents",
                "{\"documents\": [\"ID_CARD\"], \"answer\": \"The deed follows tomorrow.\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(202);
        requests.runJobs(pi);
        // still missing the property certificate: asked again (step 2), waiting again
        assertThat(requests.recordedSteps(request.caseId(), "DOCUMENTS_MISSING")).as("asked twice").isEqualTo(2);
        assertThat(requests.recorded(request.caseId(), "DOCUMENTS_MISSING", "documents")).doesNotContain("identity card");
        assertThat(requests.notifications(request.caseId())).filteredOn("DOCUMENTS_MISSING"::equals).hasSize(2);

        now("2026-10-16T09:00");
        var second = channel.post("/api/v1/service-requests/" + request.caseId() + "/documents",
                "{\"documents\": [\"PROPERTY_CERTIFICATE\"]}", "Idempotency-Key", "docs-" + request.caseId());
        assertThat(second.status()).isEqualTo(202);
        assertThat(second.json().path("documentsReceived").toString()).contains("ID_CARD", "PROPERTY_CERTIFICATE");
        requests.runJobs(pi);

        assertThat(requests.openTasks(pi)).containsExactly("Task_ChangeAccount");
        assertThat(runtime.getVariable(pi, "waitingForCustomer")).as("no longer waiting").isNull();
        var clock = clocks.of(request.caseId(), SlaClock.REQUEST_COMPLETION).orElseThrow();
        assertThat(clock.state()).isEqualTo(ClockState.RUNNING);
        // paused 14th 09:00 → 15th 09:00 and 15th 09:00 → 16th 09:00: two working days later
        assertThat(clock.dueAt()).isEqualTo(dueBefore.plusDays(2));
        assertThat(requests.task(pi, "Task_ChangeAccount").getDueDate().toInstant()).isEqualTo(clock.dueAt().toInstant());

        var retried = channel.post("/api/v1/service-requests/" + request.caseId() + "/documents",
                "{\"documents\": [\"PROPERTY_CERTIFICATE\"]}", "Idempotency-Key", "docs-" + request.caseId());
        assertThat(retried.status()).as("a retry gets the first answer").isEqualTo(202);
    }

    @Test
    void aCustomerWhoSendsNothingIsRemindedAfterTwoWorkingDays() {
        var request = moveInWithoutDocuments();
        var pi = request.processInstanceId();
        // Wednesday 09:00 + 2 working days = Friday 09:00
        assertThat(requests.timer(pi, "BoundaryEvent_DocumentsReminder").getDuedate().toInstant())
                .isEqualTo(at("2026-10-16T09:00"));

        requests.fire(pi, "BoundaryEvent_DocumentsReminder");

        assertThat(requests.notifications(request.caseId())).contains("DOCUMENTS_REMINDER");
        assertThat(runtime.createExecutionQuery().processInstanceId(pi).activityId("Task_WaitForDocuments").count())
                .as("still waiting").isOne();
    }

    @Test
    void aRequestWhoseDocumentsNeverArriveExpiresAfterTenWorkingDaysWithNotice() {
        var request = moveInWithoutDocuments();
        var pi = request.processInstanceId();
        assertThat(OffsetDateTime.parse(requests.recorded(request.caseId(), "DOCUMENTS_MISSING", "answerBy")))
                .isEqualTo(OffsetDateTime.parse("2026-10-28T09:00+08:00"));
        assertThat(requests.timer(pi, "BoundaryEvent_DocumentsExpired").getDuedate().toInstant())
                .isEqualTo(at("2026-10-28T09:00"));

        requests.fire(pi, "BoundaryEvent_DocumentsExpired");

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
        assertThat(requests.caseRow(request.caseId())).containsEntry("status", "CLOSED").containsEntry("outcome", "EXPIRED");
        assertThat(requests.clockState(request.caseId(), SlaClock.REQUEST_COMPLETION)).isEqualTo(ClockState.STOPPED);
        assertThat(requests.notifications(request.caseId())).contains("REQUEST_EXPIRED");
        assertThat(requests.surveyRequested(request.caseId())).isFalse();

        var late = channel.post("/api/v1/service-requests/" + request.caseId() + "/documents",
                "{\"documents\": [\"ID_CARD\"]}");
        assertThat(late.status()).isEqualTo(409);
    }
}
