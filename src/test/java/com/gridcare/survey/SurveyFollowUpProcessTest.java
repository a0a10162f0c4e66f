package com.gridcare.survey;

import com.gridcare.kernel.process.CaseVariables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import com.gridcare.cases.CaseOutcome;
import com.gridcare.cases.CaseStep;
import com.gridcare.cases.CaseSteps;
import com.gridcare.cases.StepKind;
import com.gridcare.clock.CaseClocks;
import com.gridcare.clock.ClockState;
import com.gridcare.clock.SlaClock;
import com.gridcare.clock.TargetUnit;
import com.gridcare.notification.NotificationOutbox;
import com.gridcare.notification.QueuedNotification;
import com.gridcare.points.PointsLedger;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** survey-follow-up on the real engine, rules and database: every path of the model. */
@GridCareTest
class SurveyFollowUpProcessTest {

    @Autowired
    CaseClocks clocks;
    @Autowired
    CaseSteps steps;
    @Autowired
    FormService forms;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestData testData;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    PointsLedger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @LocalServerPort
    int port;

    SurveyFixture fixture;

    @BeforeEach
    void setUp() {
        init(engine);
        testData.users();
        fixture = new SurveyFixture(context, port);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private ProcessInstance instance(Survey survey) {
        return runtime.createProcessInstanceQuery().processInstanceId(survey.processInstanceId()).singleResult();
    }

    private void assertEndedAt(Survey survey, String endEvent) {
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
                .processInstanceId(survey.processInstanceId()).activityId(endEvent).count())
                .as("%s ended at %s", survey.id(), endEvent).isEqualTo(1);
        assertThat(instance(survey)).as("%s still running", survey.id()).isNull();
    }

    private List<String> templates(Survey survey) {
        return outbox.forCase(survey.caseId()).stream().map(QueuedNotification::template).toList();
    }

    @Test
    void aClosedCaseGetsOneSurveyAndTheInvitationOnTheCustomersChannel() {
        var customer = testData.residential();
        var survey = fixture.closedCase(customer, CaseOutcome.RESOLVED);

        assertThat(survey.id()).matches("SVY-\\d{4}-\\d{6}");
        assertThat(instance(survey).getBusinessKey()).isEqualTo(survey.id());
        assertThat((Boolean) transactions.execute(tx -> context.getBean(SurveyRequests.class).request(survey.caseId(), customer)))
                .as("the closing step run again").isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey WHERE case_id = ?").param(survey.caseId())
                .query(Integer.class).single()).isEqualTo(1);

        fixture.runJobs(survey);

        var invited = fixture.reload(survey);
        assertThat(invited.status()).isEqualTo(SurveyStatus.INVITED);
        assertThat(Duration.between(invited.invitedAt(), invited.expiresAt())).isEqualTo(Duration.ofDays(7));
        assertThat(instance(survey)).isWaitingAt("Task_WaitForAnswer");
        assertThat(runtime.getVariable(survey.processInstanceId(), CaseVariables.WAITING_FOR_CUSTOMER)).isEqualTo(true);
        var invitation = outbox.forCase(survey.caseId()).stream()
                .filter(n -> n.template().equals("SURVEY_INVITATION")).findFirst().orElseThrow();
        assertThat(invitation.body()).contains(invited.replyCode()).contains("/survey/" + invited.replyCode());
    }

    @Test
    void aCustomerSurveyedInTheLast30DaysIsNotSurveyedAgain() {
        var customer = testData.residential();
        var first = fixture.sent(customer);
        assertThat(first.status()).isEqualTo(SurveyStatus.INVITED);

        var second = fixture.sent(customer);

        assertThat(second.status()).isEqualTo(SurveyStatus.SUPPRESSED);
        assertThat(second.suppressionReason()).contains("Surveyed in the last 30 days");
        assertEndedAt(second, "EndEvent_SurveySuppressed");
        assertThat(templates(second)).doesNotContain("SURVEY_INVITATION");
        assertThat(jdbc.sql("SELECT fired_rules FROM decision WHERE kind = 'SURVEY_SUPPRESSION' AND subject_id = ?")
                .param(second.caseId()).query(String.class).single()).contains("Surveyed in the last 30 days");
    }

    @Test
    void aCustomerWithFourSurveysInTwelveMonthsGetsNoFifth() {
        var customer = testData.residential();
        var start = OffsetDateTime.now().minusDays(300);
        for (int i = 0; i < 4; i++) {
            ClockUtil.setCurrentTime(java.util.Date.from(start.plusDays(60L * i).toInstant()));
            assertThat(fixture.sent(customer).status()).isEqualTo(SurveyStatus.INVITED);
        }
        ClockUtil.reset();

        var fifth = fixture.sent(customer);

        assertThat(fifth.status()).isEqualTo(SurveyStatus.SUPPRESSED);
        assertThat(fifth.suppressionReason()).contains("Already 4 surveys in the last 12 months");
    }

    @Test
    void aWithdrawnCaseIsNotSurveyed() {
        var survey = fixture.closedCase(testData.residential(), CaseOutcome.WITHDRAWN);
        fixture.runJobs(survey);

        assertThat(fixture.reload(survey).status()).isEqualTo(SurveyStatus.SUPPRESSED);
        assertThat(fixture.reload(survey).suppressionReason()).contains("Case withdrawn");
        assertEndedAt(survey, "EndEvent_SurveySuppressed");
    }

    @Test
    void noAnswerRemindsAfterThreeDaysExpiresAfterSevenAndALateAnswerIsRefusedButKept() {
        var survey = fixture.sent(testData.residential());

        fixture.fireTimer(survey, "BoundaryEvent_Reminder");
        fixture.runJobs(survey);
        assertThat(templates(survey)).contains("SURVEY_REMINDER");
        assertThat(instance(survey)).isWaitingAt("Task_WaitForAnswer");

        fixture.fireTimer(survey, "BoundaryEvent_Expired");
        assertThat(fixture.reload(survey).status()).isEqualTo(SurveyStatus.EXPIRED);
        assertEndedAt(survey, "EndEvent_SurveyExpired");

        var late = fixture.answer(survey, "{\"score\": 1, \"comment\": \"Nobody came\"}", "Idempotency-Key", "late-1");

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.body()).contains("expired");
        assertThat(fixture.reload(survey).status()).isEqualTo(SurveyStatus.EXPIRED);
        assertThat(fixture.reload(survey).score()).isNull();
        assertThat(jdbc.sql("SELECT score FROM survey_late_answer WHERE survey_id = ?").param(survey.id())
                .query(Integer.class).list()).containsExactly(1);
        assertThat(fixture.answer(survey, "{\"score\": 1, \"comment\": \"Nobody came\"}", "Idempotency-Key", "late-1")
                .status()).as("retried").isEqualTo(409);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM survey_late_answer WHERE survey_id = ?").param(survey.id())
                .query(Integer.class).single()).as("kept once").isEqualTo(1);
    }

    @Test
    void aHighScoreCreditsPointsOnceAndThanksTheCustomer() {
        var customer = testData.residential();
        var survey = fixture.sent(customer);

        var answer = fixture.answer(survey, "{\"score\": 5, \"comment\": \"Quick and friendly\"}",
                "Idempotency-Key", "answer-" + survey.id());
        var retried = fixture.answer(survey, "{\"score\": 5, \"comment\": \"Quick and friendly\"}",
                "Idempotency-Key", "answer-" + survey.id());
        fixture.runJobs(survey);

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().path("surveyId").asText()).isEqualTo(survey.id());
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.headers()).containsKey("idempotent-replayed");
        assertThat(fixture.reload(survey).status()).isEqualTo(SurveyStatus.ANSWERED);
        assertThat(fixture.reload(survey).score()).isEqualTo(5);
        assertThat(ledger.balance(customer)).isEqualTo(50);
        assertThat(ledger.entries(customer, 10)).extracting(PointsLedger.Entry::entryKey)
                .containsExactly("SURVEY_THANKS:" + survey.id());
        assertThat(templates(survey)).contains("SURVEY_THANK_YOU");
        assertEndedAt(survey, "EndEvent_Thanked");

        var again = fixture.answer(survey, "{\"score\": 4}", "Idempotency-Key", "another-" + survey.id());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("already answered");
    }

    @Test
    void theSurveyRewardIsCreditedAtMostFourTimesAYear() {
        var customer = testData.residential();
        transactions.executeWithoutResult(tx -> {
            for (int i = 1; i <= 4; i++) {
                ledger.credit(customer, "SURVEY_THANKS", 50, "SURVEY_THANKS:earlier-" + customer + "-" + i,
                        "earlier survey", null, null);
            }
        });
        var survey = fixture.sent(customer);

        assertThat(fixture.answer(survey, "{\"score\": 3}").status()).isEqualTo(201);
        fixture.runJobs(survey);

        assertThat(ledger.balance(customer)).isEqualTo(200);
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(survey.processInstanceId()).count()).isZero();
        assertEndedAt(survey, "EndEvent_AnswerRecorded");
    }

    @Test
    void aLowScoreLeadsToACallAPlanSentBackOnceThenApprovedAndSentToTheCustomer() {
        var survey = fixture.sent(testData.residential());
        assertThat(fixture.answer(survey, "{\"score\": 2, \"comment\": \"Three visits to fix one meter\"}").status())
                .isEqualTo(201);
        fixture.runJobs(survey);

        var call = fixture.task(survey, "Task_CallCustomer");
        assertThat(call).isNotNull();
        assertThat(call).hasCandidateGroup(Groups.SURVEY_TEAM);
        // the follow-up's targets are SLA-catalogue clocks on the surveyed case, from the low score
        var callClock = clocks.of(survey.caseId(), SlaClock.SURVEY_RECOVERY_CALL).orElseThrow();
        var planClock = clocks.of(survey.caseId(), SlaClock.SURVEY_IMPROVEMENT_PLAN).orElseThrow();
        assertThat(callClock.state()).isEqualTo(ClockState.RUNNING);
        assertThat(callClock.target()).isEqualTo(TargetUnit.WORKING_DAYS.describe(java.math.BigDecimal.valueOf(2)));
        assertThat(planClock.target()).isEqualTo(TargetUnit.WORKING_DAYS.describe(java.math.BigDecimal.valueOf(5)));
        assertThat(call.getDueDate().toInstant()).isEqualTo(callClock.dueAt().toInstant());
        assertThat(call.getCamundaFormRef().getKey()).isEqualTo("survey-call");
        complete(Groups.SURVEY_TEAM, call, "{\"customerReached\": true, \"callNotes\": \"Meter fitter came three times; wants one visit next time.\"}");

        assertThat(clocks.of(survey.caseId(), SlaClock.SURVEY_RECOVERY_CALL).orElseThrow().state())
                .isEqualTo(ClockState.MET);
        var draft = fixture.task(survey, "Task_DraftImprovementPlan");
        assertThat(draft).hasCandidateGroup(survey.owningGroup());
        assertThat(draft.getDueDate().toInstant()).isEqualTo(planClock.dueAt().toInstant());
        complete(survey.owningGroup(), draft, "{\"improvementPlan\": \"We will bring spare meters on every visit.\"}");

        var review = fixture.task(survey, "Task_ApproveImprovementPlan");
        assertThat(review).hasCandidateGroup(Groups.SUPERVISORS);
        var refused = Api.at(port).as(Groups.SUPERVISORS).post("/api/v1/tasks/" + review.getId() + "/complete",
                "{\"variables\": {\"planApproved\": false}}");
        assertThat(refused.status()).as("sent back without saying what to change").isEqualTo(400);
        assertThat(refused.body()).contains("variables.planFeedback");
        assertThat(fixture.task(survey, "Task_ApproveImprovementPlan")).as("still open").isNotNull();
        complete(Groups.SUPERVISORS, review, "{\"planApproved\": false, \"planFeedback\": \"Say by when.\"}");

        var redraft = fixture.task(survey, "Task_DraftImprovementPlan");
        assertThat(redraft).as("sent back to the owning group").isNotNull();
        assertThat(forms.getTaskFormVariables(redraft.getId()).getValue(SurveyProcess.PLAN_FEEDBACK, String.class))
                .as("the supervisors' feedback on the redraft's form").isEqualTo("Say by when.");
        complete(survey.owningGroup(), redraft,
                "{\"improvementPlan\": \"From 1 January every fitter carries spare meters; one visit per fault.\"}");
        complete(Groups.SUPERVISORS, fixture.task(survey, "Task_ApproveImprovementPlan"), "{\"planApproved\": true}");
        fixture.runJobs(survey);

        assertEndedAt(survey, "EndEvent_PlanSent");
        assertThat(clocks.of(survey.caseId(), SlaClock.SURVEY_IMPROVEMENT_PLAN).orElseThrow().state())
                .isEqualTo(ClockState.MET);
        assertThat(steps.steps(survey.caseId())).extracting(CaseStep::kind).containsSubsequence(
                StepKind.SURVEY_ANSWERED, StepKind.RECOVERY_CALL, StepKind.IMPROVEMENT_PLAN, StepKind.PLAN_REVIEW,
                StepKind.IMPROVEMENT_PLAN, StepKind.PLAN_REVIEW);
        assertThat(fixture.reload(survey).improvementPlan()).startsWith("From 1 January");
        assertThat(fixture.reload(survey).planSentAt()).isNotNull();
        var plan = outbox.forCase(survey.caseId()).stream().filter(n -> n.template().equals("IMPROVEMENT_PLAN"))
                .toList();
        assertThat(plan).hasSize(1);
        assertThat(plan.get(0).body()).contains("From 1 January every fitter carries spare meters");
    }

    @Test
    void aCallNotMadeInTwoWorkingDaysMarksTheSurveyEscalated() {
        var survey = fixture.sent(testData.residential());
        fixture.answer(survey, "{\"score\": 1}");
        fixture.runJobs(survey);

        fixture.fireTimer(survey, "BoundaryEvent_CallOverdue");

        assertThat(runtime.getVariable(survey.processInstanceId(), CaseVariables.ESCALATED)).isEqualTo(true);
        assertThat(clocks.of(survey.caseId(), SlaClock.SURVEY_RECOVERY_CALL).orElseThrow().state())
                .isEqualTo(ClockState.BREACHED);
        assertThat(instance(survey)).isWaitingAt("Task_CallCustomer");
    }

    private Api.Answer complete(String group, org.camunda.bpm.engine.task.Task task, String variables) {
        var answer = Api.at(port).as(group).post("/api/v1/tasks/" + task.getId() + "/complete",
                "{\"variables\": " + variables + "}");
        assertThat(answer.status()).as("completing %s: %s", task.getTaskDefinitionKey(), answer.body()).isEqualTo(200);
        return answer;
    }
}
