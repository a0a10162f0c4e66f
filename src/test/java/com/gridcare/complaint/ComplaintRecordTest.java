package com.gridcare.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.gridcare.cases.CaseStep;
import com.gridcare.cases.CaseSteps;
import com.gridcare.cases.StepKind;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.AsyncSteps;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case record of a complaint, worked as staff work it (GridCare's task API, as the members of the
 * groups): resolved, reopened by the customer, resolved again and closed. After the process has ended
 * and its history is gone, the record still holds every outcome with who, group and when.
 */
@GridCareTest
class ComplaintRecordTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    CaseSteps steps;

    @BeforeEach
    void users() {
        testData.users();
    }

    private String taskId(String processInstanceId, String key) {
        var task = tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
        assertThat(task).as("open task %s", key).isNotNull();
        return task.getId();
    }

    /** Completes the task through GridCare's API as the test user of the group, then runs the async steps. */
    private void complete(String processInstanceId, String key, String group, String variables) {
        var answer = Api.at(port).as(group).post("/api/v1/tasks/" + taskId(processInstanceId, key) + "/complete",
                "{\"variables\": " + variables + "}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        AsyncSteps.run(management, processInstanceId);
    }

    @Test
    void aComplaintResolvedReopenedResolvedAndClosedKeepsEveryOutcomeAfterItsProcessEnded() {
        var received = Api.at(port).as(Groups.CHANNEL_SYSTEMS).post("/api/v1/complaints", """
                {"customerId": "%s", "channel": "HOTLINE", "category": "BILLING",
                 "description": "The October bill is twice the usual amount."}""".formatted(testData.residential()));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        var caseId = received.json().path("caseId").asText();
        var pi = received.json().path("processInstanceId").asText();
        AsyncSteps.run(management, pi);

        complete(pi, "Task_ContactCustomer", Groups.BILLING, """
                {"contactOutcome": "REACHED", "contactNote": "Agreed to check the readings."}""");
        complete(pi, "Task_ResolveComplaint", Groups.BILLING, """
                {"askCustomer": false, "rootCause": "METER_READING", "findings": "The reading was estimated.",
                 "justified": "JUSTIFIED", "resolution": "Meter read again and the bill reissued.",
                 "compensationAmount": 800, "compensationReason": "Two months of wrong bills"}""");
        complete(pi, "Task_ApproveCompensation", Groups.SUPERVISORS, """
                {"compensationDecision": "APPROVED", "approvalNote": "Long-standing customer."}""");
        complete(pi, "Task_ConfirmResult", Groups.BILLING, """
                {"customerConfirmation": "NOT_RESOLVED", "customerFeedback": "The new bill is still too high."}""");
        complete(pi, "Task_ResolveComplaint", Groups.BILLING, """
                {"askCustomer": false, "rootCause": "TARIFF_OR_BILLING", "findings": "Wrong tariff since March.",
                 "justified": "PARTLY_JUSTIFIED", "resolution": "Tariff corrected, difference refunded."}""");
        complete(pi, "Task_ConfirmResult", Groups.BILLING, """
                {"customerConfirmation": "RESOLVED", "customerFeedback": "Happy with the corrected bill."}""");

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).as("process ended").isZero();
        // the engine's history goes (as the history clean-up does); the record stays
        history.deleteHistoricProcessInstance(pi);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).count()).isZero();

        var record = steps.steps(caseId);
        var resolutions = record.stream().filter(s -> s.kind() == StepKind.RESOLUTION).toList();
        assertThat(resolutions).extracting(CaseStep::outcome, CaseStep::rootCause, CaseStep::justified, CaseStep::actor,
                        CaseStep::actorGroup)
                .containsExactly(tuple("RESOLVED", "METER_READING", "JUSTIFIED", "billing", Groups.BILLING),
                        tuple("RESOLVED", "TARIFF_OR_BILLING", "PARTLY_JUSTIFIED", "billing", Groups.BILLING));
        assertThat(resolutions.get(0).text("resolution")).isEqualTo("Meter read again and the bill reissued.");
        assertThat(resolutions.get(0).amount()).isEqualByComparingTo("800");
        assertThat(resolutions.get(1).text("findings")).isEqualTo("Wrong tariff since March.");
        assertThat(resolutions.get(1).amount()).isNull();

        assertThat(record).filteredOn(s -> s.kind() == StepKind.GOODWILL_DECISION).singleElement().satisfies(d -> {
            assertThat(d.outcome()).isEqualTo("APPROVED");
            assertThat(d.amount()).isEqualByComparingTo(new BigDecimal("800"));
            assertThat(d.actor()).isEqualTo("supervisors");
            assertThat(d.actorGroup()).isEqualTo(Groups.SUPERVISORS);
            assertThat(d.text("approvalNote")).isEqualTo("Long-standing customer.");
        });
        assertThat(record).filteredOn(s -> s.kind() == StepKind.CONFIRMATION)
                .extracting(CaseStep::outcome, s -> s.text("customerFeedback"), CaseStep::actor)
                .containsExactly(tuple("NOT_RESOLVED", "The new bill is still too high.", "billing"),
                        tuple("RESOLVED", "Happy with the corrected bill.", "billing"));
        assertThat(record).filteredOn(s -> s.kind() == StepKind.REOPENED).singleElement()
                .satisfies(r -> assertThat(r.value("reopenCount")).isEqualTo(1));
        assertThat(record).filteredOn(s -> s.kind() == StepKind.CONTACT).singleElement()
                .satisfies(c -> assertThat(c.outcome()).isEqualTo("REACHED"));
        // every step has its time, in the order it happened; the tasks' own life is there too
        assertThat(record).allSatisfy(s -> assertThat(s.occurredAt()).isCloseTo(OffsetDateTime.now(),
                org.assertj.core.api.Assertions.within(1, ChronoUnit.HOURS)));
        assertThat(record).extracting(CaseStep::kind).containsSubsequence(StepKind.CUSTOMER_EVALUATED, StepKind.ROUTED,
                StepKind.TASK_CREATED, StepKind.CONTACT, StepKind.RESOLUTION, StepKind.GOODWILL_DECISION,
                StepKind.CONFIRMATION, StepKind.REOPENED, StepKind.RESOLUTION, StepKind.CONFIRMATION);
        assertThat(record).extracting(CaseStep::id).isSorted();

        // the same through the API, as the billing agent who worked it
        var view = Api.at(port).as(Groups.BILLING).get("/api/v1/cases/" + caseId + "/record");
        assertThat(view.status()).as(view.body()).isEqualTo(200);
        var json = view.json();
        assertThat(json.path("serviceCase").path("status").asText()).isEqualTo("CLOSED");
        assertThat(json.path("serviceCase").path("closed").asText()).isNotEmpty();
        var kinds = json.path("steps").findValuesAsText("kind");
        assertThat(kinds).containsSubsequence(List.of("RESOLUTION", "GOODWILL_DECISION", "CONFIRMATION", "REOPENED",
                "RESOLUTION", "CONFIRMATION"));
        assertThat(json.path("clocks").findValuesAsText("clock")).contains("COMPLAINT_RESOLUTION");
        assertThat(json.path("steps").toString()).contains("Happy with the corrected bill.", "TARIFF_OR_BILLING");
    }

    @Test
    void aStepWhoseOutcomeDoesNotFitItsKindIsRefusedAndNothingIsWritten() {
        var received = Api.at(port).as(Groups.CHANNEL_SYSTEMS).post("/api/v1/complaints", """
                {"customerId": "%s", "channel": "WEB", "category": "BILLING", "description": "Bill too high."}"""
                .formatted(testData.residential()));
        var caseId = received.json().path("caseId").asText();
        var pi = received.json().path("processInstanceId").asText();
        var before = steps.steps(caseId).size();
        var contact = taskId(pi, "Task_ContactCustomer");

        // the form does not check the resolution fields of "Investigate and resolve"; its kind does
        tasks.complete(contact, Map.of("contactOutcome", "REACHED", "contactNote", "ok"));
        AsyncSteps.run(management, pi);
        var resolve = taskId(pi, "Task_ResolveComplaint");
        var refused = Api.at(port).as(Groups.BILLING).post("/api/v1/tasks/" + resolve + "/complete", """
                {"variables": {"askCustomer": false, "rootCause": "METER_READING", "justified": "JUSTIFIED",
                               "resolution": "Bill reissued after a new reading.", "compensationAmount": 50}}""");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("variables.findings");
        assertThat(taskId(pi, "Task_ResolveComplaint")).isEqualTo(resolve);
        assertThat(steps.steps(caseId).stream().filter(s -> s.kind() == StepKind.RESOLUTION)).isEmpty();
        assertThat(steps.steps(caseId).size()).isGreaterThan(before);
    }
}
