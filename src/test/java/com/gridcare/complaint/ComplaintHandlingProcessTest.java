package com.gridcare.complaint;

import com.gridcare.kernel.process.CaseVariables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.gridcare.cases.CaseEscalation;
import com.gridcare.cases.CaseEventType;
import com.gridcare.cases.CaseRecords;
import com.gridcare.cases.CaseRepository;
import com.gridcare.cases.CaseSteps;
import com.gridcare.cases.StepKind;
import com.gridcare.cases.CaseStatus;
import com.gridcare.cases.CaseWithdrawal;
import com.gridcare.cases.Channel;
import com.gridcare.cases.EscalationKind;
import com.gridcare.cases.ServiceCase;
import com.gridcare.clock.CaseClocks;
import com.gridcare.clock.ClockState;
import com.gridcare.points.PointsLedger;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.AsyncSteps;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path and end event of {@code complaint-handling} on the real engine, rules and database:
 * resolved first time, contact retried, reopened twice, goodwill within the limit, approved and
 * refused, withdrawn at each step, each escalation level, repeat complaints. Timers are fired by
 * moving the engine clock to their due date; async steps are run as the job executor would.
 */
@GridCareTest
class ComplaintHandlingProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    ComplaintIntake intake;
    @Autowired
    CaseWithdrawal withdrawal;
    @Autowired
    CaseClocks caseClocks;
    @Autowired
    CaseRepository cases;
    @Autowired
    CaseRecords records;
    @Autowired
    RepeatComplaints repeats;
    @Autowired
    ServiceRecovery recovery;
    @Autowired
    PointsLedger ledger;
    @Autowired
    Goodwill goodwill;
    @Autowired
    TestData testData;
    @Autowired
    CaseSteps steps;
    @Autowired
    FormService forms;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    record Complaint(String caseId, String pi) {}

    @BeforeEach
    void setUp() {
        init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // ------------------------------------------------------------------------------------ helpers

    Complaint register(String customerId, ComplaintCategory category) {
        var receipt = transactions.execute(tx -> intake.register(new ComplaintRequest(customerId, Channel.HOTLINE,
                category, "The October bill is twice the usual amount.", null, null)));
        return new Complaint(receipt.caseId(), receipt.processInstanceId());
    }

    Complaint register() {
        return register(testData.residential(), ComplaintCategory.BILLING);
    }

    Task task(Complaint c, String key) {
        var task = tasks.createTaskQuery().processInstanceId(c.pi()).taskDefinitionKey(key).singleResult();
        assertThat(task).as("open task %s", key).isNotNull();
        return task;
    }

    /** Completes the task and runs the async steps that follow, as the job executor would. */
    void complete(Complaint c, String key, Map<String, Object> variables) {
        tasks.complete(task(c, key).getId(), variables);
        runJobs(c);
    }

    void runJobs(Complaint c) {
        AsyncSteps.run(management, c.pi());
    }

    void fire(Complaint c, String boundaryEvent) {
        var job = management.createJobQuery().processInstanceId(c.pi()).activityId(boundaryEvent).timers()
                .singleResult();
        assertThat(job).as("timer %s", boundaryEvent).isNotNull();
        ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 1000));
        management.executeJob(job.getId());
        runJobs(c);
    }

    void contact(Complaint c) {
        complete(c, "Task_ContactCustomer", Map.of("contactOutcome", "REACHED",
                "contactNote", "Spoke to the customer, agreed to check the meter readings."));
    }

    void resolve(Complaint c, Object compensationAmount) {
        var variables = new HashMap<String, Object>(Map.of("askCustomer", false, "rootCause", "METER_READING",
                "findings", "The October reading was estimated, not read.", "justified", "JUSTIFIED",
                "resolution", "Meter read again and the bill reissued."));
        if (compensationAmount != null) {
            variables.put("compensationAmount", compensationAmount);
            variables.put("compensationReason", "Goodwill for the wrong bill");
        }
        complete(c, "Task_ResolveComplaint", variables);
    }

    void confirm(Complaint c, String answer) {
        complete(c, "Task_ConfirmResult", Map.of("customerConfirmation", answer,
                "customerFeedback", "RESOLVED".equals(answer) ? "Happy with the new bill." : "Still too high."));
    }

    ServiceCase serviceCase(Complaint c) {
        return cases.find(c.caseId()).orElseThrow();
    }

    List<String> notifications(Complaint c) {
        return jdbc.sql("SELECT template || ':' || step FROM notification_outbox WHERE case_id = ? ORDER BY created_at, template, step")
                .param(c.caseId()).query(String.class).list();
    }

    List<String> templates(Complaint c) {
        return jdbc.sql("SELECT template FROM notification_outbox WHERE case_id = ?").param(c.caseId())
                .query(String.class).list();
    }

    List<CaseEscalation> escalations(Complaint c) {
        return records.escalations(c.caseId());
    }

    Object variable(Complaint c, String name) {
        return runtime.getVariable(c.pi(), name);
    }

    boolean ended(Complaint c, String endEvent) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(c.pi()).activityId(endEvent)
                .finished().count() > 0;
    }

    boolean running(Complaint c) {
        return runtime.createProcessInstanceQuery().processInstanceId(c.pi()).count() > 0;
    }

    long surveyRequests(Complaint c) {
        return jdbc.sql("SELECT COUNT(*) FROM survey_request WHERE case_id = ?").param(c.caseId())
                .query(Long.class).single();
    }

    // ------------------------------------------------------------------------------------ paths

    @Test
    void shouldRouteAStrategicBillingComplaintToKeyAccountsAndAcknowledgeIt() {
        var c = register(testData.strategic(), ComplaintCategory.BILLING);
        var instance = runtime.createProcessInstanceQuery().processInstanceId(c.pi()).singleResult();

        BpmnAwareTests.assertThat(instance)
                .hasPassed("Task_EvaluateCustomer", "Task_RouteComplaint", "Task_LinkRepeatComplaints",
                        "Task_StartSlaClocks", "Task_AcknowledgeComplaint")
                .isWaitingAt("Task_ContactCustomer")
                .variables().containsOnlyKeys(CaseVariables.CASE_ID, CaseVariables.CUSTOMER_ID, CaseVariables.TIER,
                        CaseVariables.ASSIGNED_GROUP, CaseVariables.PRIORITY)
                .containsEntry("tier", "STRATEGIC").containsEntry("assignedGroup", "key-accounts")
                .containsEntry("priority", 85);
        assertThat(steps.all(c.caseId(), StepKind.ROUTED)).singleElement()
                .satisfies(routed -> assertThat(routed.text("decisionId")).isNotBlank());
        BpmnAwareTests.assertThat(BpmnAwareTests.task(instance)).hasCandidateGroup("key-accounts");
        assertThat(notifications(c)).containsExactly("ACKNOWLEDGEMENT:Task_AcknowledgeComplaint");
        var body = jdbc.sql("SELECT body FROM notification_outbox WHERE case_id = ?").param(c.caseId())
                .query(String.class).single();
        assertThat(body).contains(c.caseId()).doesNotContain("{replyBy}");
    }

    @Test
    void shouldCloseAComplaintResolvedTheFirstTimeAndAskForTheSurvey() {
        var c = register();
        contact(c);
        BpmnAwareTests.assertThat(runtime.createProcessInstanceQuery().processInstanceId(c.pi()).singleResult())
                .isWaitingAt("Task_ResolveComplaint");
        resolve(c, null);
        assertThat(serviceCase(c).stage()).isEqualTo("CONFIRMATION");
        confirm(c, "RESOLVED");

        assertThat(running(c)).isFalse();
        assertThat(ended(c, "EndEvent_ComplaintResolved")).isTrue();
        assertThat(ended(c, "EndEvent_ComplaintClosed")).isTrue();
        assertThat(serviceCase(c).status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(serviceCase(c).outcome()).isEqualTo("RESOLVED");
        assertThat(templates(c)).containsExactlyInAnyOrder("ACKNOWLEDGEMENT", "INVESTIGATION_STARTED", "RESOLUTION",
                "CLOSING_FEEDBACK");
        assertThat(surveyRequests(c)).isEqualTo(1);
        assertThat(escalations(c)).isEmpty();
    }

    @Test
    void shouldTryAgainWithANoteWhenTheCustomerWasNotReached() {
        var c = register();
        complete(c, "Task_ContactCustomer", Map.of("contactOutcome", "NOT_REACHED",
                "contactNote", "No answer at 10:05, left a voicemail."));

        var retry = task(c, "Task_ContactCustomer");
        assertThat(variable(c, ComplaintFields.CONTACT_OUTCOME)).as("the retry's form starts empty").isNull();
        assertThat(forms.getTaskFormVariables(retry.getId()).getValue("contactAttempts", String.class))
                .contains("not reached / 未联系上 · No answer at 10:05, left a voicemail.");
        assertThat(steps.all(c.caseId(), StepKind.CONTACT)).singleElement()
                .satisfies(contact -> assertThat(contact.outcome()).isEqualTo("NOT_REACHED"));
        assertThat(templates(c)).containsExactly("ACKNOWLEDGEMENT");

        contact(c);
        assertThat(tasks.createTaskQuery().taskId(retry.getId()).count()).isZero();
        var resolve = task(c, "Task_ResolveComplaint");
        assertThat(forms.getTaskFormVariables(resolve.getId()).getValue("contactAttempts", String.class).lines())
                .hasSize(2);
        assertThat(templates(c)).containsExactlyInAnyOrder("ACKNOWLEDGEMENT", "INVESTIGATION_STARTED");
    }

    @Test
    void shouldReopenTwiceWithRaisedPriorityThenCloseAsNotResolved() {
        var c = register();
        int priority = (Integer) variable(c, CaseVariables.PRIORITY);
        contact(c);

        resolve(c, null);
        confirm(c, "NOT_RESOLVED");
        assertThat(steps.all(c.caseId(), StepKind.REOPENED)).hasSize(1);
        assertThat(task(c, "Task_ResolveComplaint").getPriority()).isEqualTo(priority + Reopening.PRIORITY_RAISE);
        resolve(c, null);
        assertThat(variable(c, ComplaintFields.CUSTOMER_CONFIRMATION)).as("asked afresh").isNull();
        confirm(c, "NOT_RESOLVED");
        assertThat(task(c, "Task_ResolveComplaint").getPriority()).isEqualTo(priority + 2 * Reopening.PRIORITY_RAISE);
        assertThat(serviceCase(c).priority()).isEqualTo(priority + 2 * Reopening.PRIORITY_RAISE);

        resolve(c, null);
        confirm(c, "NOT_RESOLVED");

        assertThat(running(c)).isFalse();
        assertThat(ended(c, "EndEvent_ComplaintNotResolved")).isTrue();
        assertThat(ended(c, "EndEvent_ComplaintClosed")).isTrue();
        assertThat(serviceCase(c).outcome()).isEqualTo("NOT_RESOLVED");
        assertThat(notifications(c)).contains("CASE_REOPENED:1", "CASE_REOPENED:2", "RESOLUTION:0", "RESOLUTION:1",
                "RESOLUTION:2").doesNotContain("CASE_REOPENED:3");
        assertThat(records.history(c.caseId(), false)).filteredOn(e -> e.type() == CaseEventType.REOPENED).hasSize(2);
        assertThat(surveyRequests(c)).isEqualTo(1);
    }

    @Test
    void shouldGrantCompensationWithinTheLimitWithoutApproval() {
        var c = register();
        contact(c);
        resolve(c, goodwill.approvalLimit().intValue());

        assertThat(tasks.createTaskQuery().processInstanceId(c.pi()).taskDefinitionKey("Task_ApproveCompensation")
                .count()).isZero();
        task(c, "Task_ConfirmResult");
        var message = jdbc.sql("SELECT body FROM notification_outbox WHERE case_id = ? AND template = 'COMPENSATION_APPROVED'")
                .param(c.caseId()).query(String.class).single();
        assertThat(message).contains(goodwill.approvalLimit().intValue() + " CNY / 元: Goodwill for the wrong bill");
    }

    @Test
    void shouldTellTheCustomerOfCompensationAboveTheLimitOnceSupervisorsApprovedIt() {
        var c = register();
        contact(c);
        resolve(c, goodwill.approvalLimit().intValue() + 1);

        var approval = task(c, "Task_ApproveCompensation");
        BpmnAwareTests.assertThat(approval).hasCandidateGroup(Groups.SUPERVISORS);
        assertThat(serviceCase(c).stage()).isEqualTo("APPROVAL");
        assertThat(templates(c)).doesNotContain("COMPENSATION_APPROVED", "RESOLUTION");
        complete(c, "Task_ApproveCompensation", Map.of("compensationDecision", "APPROVED",
                "approvalNote", "Justified, long-standing customer."));

        assertThat(templates(c)).contains("COMPENSATION_APPROVED", "RESOLUTION");
        confirm(c, "RESOLVED");
        assertThat(serviceCase(c).outcome()).isEqualTo("RESOLVED");
    }

    @Test
    void shouldNotPromiseCompensationSupervisorsRefused() {
        var c = register();
        contact(c);
        resolve(c, 5000);
        complete(c, "Task_ApproveCompensation", Map.of("compensationDecision", "REFUSED",
                "approvalNote", "The bill was correct."));

        task(c, "Task_ConfirmResult");
        assertThat(templates(c)).contains("RESOLUTION").doesNotContain("COMPENSATION_APPROVED");
    }

    @Test
    void shouldPauseWhileWaitingForTheCustomerAndFlagItForTheTasklist() {
        var c = register();
        contact(c);
        complete(c, "Task_ResolveComplaint", Map.of("askCustomer", true,
                "customerQuestion", "Please send a photo of the meter display."));

        task(c, "Task_WaitForCustomer");
        assertThat(variable(c, CaseVariables.WAITING_FOR_CUSTOMER)).isEqualTo(true);
        assertThat(serviceCase(c).stage()).isEqualTo("WAITING_FOR_CUSTOMER");
        complete(c, "Task_WaitForCustomer", Map.of("customerReply", "Photo sent."));

        task(c, "Task_ResolveComplaint");
        assertThat(variable(c, CaseVariables.WAITING_FOR_CUSTOMER)).as("mark removed").isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Task_ContactCustomer", "Task_ResolveComplaint", "Task_WaitForCustomer",
            "Task_ApproveCompensation", "Task_ConfirmResult"})
    void shouldEndTheCaseCleanlyWhenTheCustomerWithdrawsAt(String step) {
        var c = register();
        if (!step.equals("Task_ContactCustomer")) contact(c);
        switch (step) {
            case "Task_WaitForCustomer" -> complete(c, "Task_ResolveComplaint", Map.of("askCustomer", true,
                    "customerQuestion", "Which meter number?"));
            case "Task_ApproveCompensation" -> resolve(c, 5000);
            case "Task_ConfirmResult" -> resolve(c, null);
            default -> { }
        }
        var open = task(c, step);

        transactions.executeWithoutResult(tx -> withdrawal.request(c.caseId(), "Sorted it out myself", "channel"));

        assertThat(running(c)).isFalse();
        assertThat(ended(c, "EndEvent_ComplaintWithdrawn")).isTrue();
        assertThat(tasks.createTaskQuery().taskId(open.getId()).count()).isZero();
        assertThat(serviceCase(c).status()).isEqualTo(CaseStatus.WITHDRAWN);
        assertThat(templates(c)).contains("WITHDRAWAL_CONFIRMED").doesNotContain("CLOSING_FEEDBACK");
        assertThat(surveyRequests(c)).isZero();
        assertThat(caseClocks.ofCase(c.caseId())).isNotEmpty()
                .allSatisfy(clock -> assertThat(clock.state()).isIn(ClockState.MET, ClockState.STOPPED));
    }

    // ------------------------------------------------------------------------------------ escalations

    @Test
    void shouldAskSupervisorsToReviewBesideTheContactTaskWhenFirstContactIsOverdue() {
        var c = register();
        fire(c, "BoundaryEvent_FirstContactWarning");
        assertThat(variable(c, CaseVariables.ESCALATED)).as("no mark before an escalation").isNull();
        fire(c, "BoundaryEvent_FirstContactOverdue");

        var review = task(c, "Task_ReviewOverdueFirstContact");
        BpmnAwareTests.assertThat(review).hasCandidateGroup(Groups.SUPERVISORS);
        task(c, "Task_ContactCustomer");
        assertThat(variable(c, CaseVariables.ESCALATED)).isEqualTo(true);
        assertThat(escalations(c)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EscalationKind.FIRST_CONTACT_BREACH);
            assertThat(e.level()).isEqualTo(2);
            assertThat(e.escalatedTo()).isEqualTo(Groups.SUPERVISORS);
        });
        complete(c, "Task_ReviewOverdueFirstContact", Map.of("reviewNote", "Called the customer myself at 11:00."));
        assertThat(ended(c, "EndEvent_OverdueFirstContactReviewed")).isTrue();
        task(c, "Task_ContactCustomer");
    }

    @Test
    void shouldCancelAnOpenReviewWhenTheComplaintCloses() {
        var c = register();
        fire(c, "BoundaryEvent_FirstContactOverdue");
        var review = task(c, "Task_ReviewOverdueFirstContact");
        contact(c);
        resolve(c, null);
        confirm(c, "RESOLVED");

        assertThat(running(c)).isFalse();
        assertThat(tasks.createTaskQuery().taskId(review.getId()).count()).isZero();
    }

    @Test
    void shouldRemindTheAssigneeAtThreeQuartersOfTheResolutionTime() {
        var c = register();
        contact(c);
        var resolveTask = task(c, "Task_ResolveComplaint");
        tasks.claim(resolveTask.getId(), "billing");

        fire(c, "BoundaryEvent_ResolutionWarning");

        assertThat(ended(c, "EndEvent_AssigneeReminded")).isTrue();
        assertThat(variable(c, CaseVariables.ESCALATED)).isEqualTo(true);
        assertThat(escalations(c)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EscalationKind.RESOLUTION_WARNING);
            assertThat(e.level()).isEqualTo(1);
            assertThat(e.escalatedTo()).isEqualTo("billing");
        });
        task(c, "Task_ResolveComplaint");
    }

    @Test
    void shouldHaveServiceManagersInterveneAndCreditServiceRecoveryOnceWhenResolutionIsOverdue() {
        var c = register();
        contact(c);
        fire(c, "BoundaryEvent_ResolutionOverdue");

        var intervention = task(c, "Task_InterveneInOverdueComplaint");
        BpmnAwareTests.assertThat(intervention).hasCandidateGroup(Groups.SERVICE_MANAGERS);
        assertThat(intervention.getPriority()).isEqualTo(100);
        assertThat(escalations(c)).extracting(CaseEscalation::kind).containsExactly(EscalationKind.RESOLUTION_BREACH);
        assertThat(escalations(c).get(0).level()).isEqualTo(3);
        assertThat(variable(c, CaseVariables.ESCALATED)).isEqualTo(true);
        var customer = serviceCase(c).customerId();
        assertThat(ledger.balance(customer)).isEqualTo(100);

        // the step run again (a retried job) books nothing and sends nothing more
        transactions.executeWithoutResult(tx -> recovery.credit(c.caseId()));
        assertThat(ledger.balance(customer)).isEqualTo(100);
        assertThat(templates(c)).filteredOn("SERVICE_RECOVERY_REWARD"::equals).hasSize(1);
        assertThat(recovery.credited(c.caseId())).isTrue();

        complete(c, "Task_InterveneInOverdueComplaint", Map.of("interventionNote", "Took over the case, called the customer."));
        assertThat(ended(c, "EndEvent_InterventionDone")).isTrue();
        task(c, "Task_ResolveComplaint");
    }

    @Test
    void shouldRaiseTheRegulatoryRiskAlarmOneWorkingDayBeforeTheStatutoryLimit() {
        var c = register();
        contact(c);
        fire(c, "BoundaryEvent_StatutoryAlarm");

        var alarm = task(c, "Task_HandleRegulatoryRisk");
        BpmnAwareTests.assertThat(alarm).hasCandidateGroup(Groups.SERVICE_MANAGERS);
        assertThat(alarm.getPriority()).isEqualTo(100);
        assertThat(variable(c, CaseVariables.REGULATORY_RISK)).isEqualTo(true);
        assertThat(variable(c, CaseVariables.ESCALATED)).isEqualTo(true);
        assertThat(escalations(c)).extracting(CaseEscalation::kind).containsExactly(EscalationKind.REGULATORY_RISK);

        complete(c, "Task_HandleRegulatoryRisk", Map.of("riskNote", "Manager resolves it today."));
        assertThat(ended(c, "EndEvent_RegulatoryRiskHandled")).isTrue();
        fire(c, "BoundaryEvent_StatutoryOverdue");
        assertThat(ended(c, "EndEvent_StatutoryBreached")).isTrue();
        task(c, "Task_ResolveComplaint");
    }

    @Test
    void shouldLinkRepeatComplaintsRaiseTheirPriorityAndSendTheThirdToSupervisors() {
        var customer = testData.residential();
        var first = register(customer, ComplaintCategory.METER);
        var second = register(customer, ComplaintCategory.METER);
        var third = register(customer, ComplaintCategory.METER);

        assertThat(repeats.linked(first.caseId())).isEmpty();
        assertThat(repeats.linked(second.caseId())).containsExactly(first.caseId());
        assertThat(repeats.linked(third.caseId())).containsExactlyInAnyOrder(first.caseId(), second.caseId());
        assertThat(serviceCase(second).priority()).isGreaterThan(serviceCase(first).priority());
        assertThat(variable(second, CaseVariables.ESCALATED)).isNull();

        BpmnAwareTests.assertThat(task(third, "Task_ContactCustomer")).hasCandidateGroup(Groups.SUPERVISORS);
        assertThat(variable(third, CaseVariables.ESCALATED)).isEqualTo(true);
        assertThat(escalations(third)).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EscalationKind.REPEAT_COMPLAINT);
            assertThat(e.escalatedTo()).isEqualTo(Groups.SUPERVISORS);
        });
    }
}
