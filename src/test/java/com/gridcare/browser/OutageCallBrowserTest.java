package com.gridcare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.browser.Browser.Language;
import com.gridcare.cases.CaseSteps;
import com.gridcare.cases.StepKind;
import com.gridcare.customer.Area;
import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.PreferredChannel;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.AsyncSteps;
import com.gridcare.testsupport.TestData;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The phone call to an important customer before a planned outage, in Tasklist, in headless Chromium, in
 * English and Chinese: the front-line agent finds "Call customer about outage" in the group's inbox (its name
 * in both languages on a Chinese screen), opens it, ticks that the customer was reached, writes what was agreed
 * and completes it; the call is then in the outage tables (who, reached, note, its clock met) and on the
 * customer's record. Screenshots under target/screenshots/outage-call-*; the README shows them.
 */
@BrowserTest
class OutageCallBrowserTest {

    static final String TASK_NAME = "Call customer about outage";
    static final String TASK_NAME_ZH = "致电客户告知停电";

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseSteps steps;
    @Autowired
    Clock clock;

    @BeforeEach
    void setUp() {
        testData.users();
    }

    /** An outage and its one phone-call task. */
    private record OutageCall(String outageId, String taskId) {}

    /** A planned outage 8 days ahead on a feeder supplying one IMPORTANT customer, with its notices queued. */
    private OutageCall plannedOutageWithOneCall(String customerId, String feeder) {
        var startsAt = OffsetDateTime.now(clock).plusDays(8).truncatedTo(ChronoUnit.HOURS);
        var answer = Api.at(port).as(Groups.FIELD_SERVICE).post("/api/v1/outages", """
                {"kind": "PLANNED", "feeders": ["%s"], "startsAt": "%s", "expectedRestorationAt": "%s",
                 "reason": "Transformer replacement"}""".formatted(feeder, startsAt, startsAt.plusHours(6)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        var outageId = answer.json().path("outage").path("id").asText();
        var instance = answer.json().path("outage").path("processInstanceId").asText();
        AsyncSteps.run(management, instance);
        var call = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_CallCustomer").singleResult();
        assertThat(call).as("the call task of %s", customerId).isNotNull();
        return new OutageCall(outageId, call.getId());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void anAgentCallsAnImportantCustomerBeforeAPlannedOutageAndTheCallIsKept(Language language) {
        var chinese = language == Language.CHINESE;
        var feeder = TestData.uniqueId("FDR");
        var customerId = testData.supplied(feeder, null, CustomerClass.PUBLIC, true, false, Area.URBAN, PreferredChannel.PHONE);
        var outage = plannedOutageWithOneCall(customerId, feeder);
        var outageId = outage.outageId();
        var taskId = outage.taskId();
        var agent = TestData.user(Groups.CUSTOMER_SERVICE);
        var note = chinese ? "已电话告知医院设备科，停电期间启用备用发电机。" : "Told the hospital's facilities desk; they will run the standby generator.";
        var shownName = chinese ? TASK_NAME + " / " + TASK_NAME_ZH : TASK_NAME;

        try (var browser = Browser.open(port, language, "outage-call-" + (chinese ? "zh" : "en"))) {
            var tasklist = LoginPage.ofTasklist(browser).logIn(agent, TestData.PASSWORD);
            var card = tasklist.filter(FilterNames.MY_GROUPS_TASKS).task(outageId, taskId);
            assertThat(card.taskName()).isEqualTo(shownName);
            browser.screenshot("group-inbox");

            var form = tasklist.open(card);
            assertThat(new WorkspaceScreens(browser).taskHeader()).isEqualTo(shownName);
            assertThat(form.value("Outage / 停电编号")).isEqualTo(outageId);
            assertThat(form.value("Customer / 客户编号")).isEqualTo(customerId);
            if (chinese) assertThat(tasklist.labelsWithoutChinese()).isEmpty();
            form.claim().tick("Customer reached / 已联系到客户").fill("What was agreed / 沟通情况", note);
            if (chinese) assertThat(tasklist.labelsWithoutChinese()).isEmpty();
            browser.screenshot("call-form");
            form.complete();
            browser.screenshot("completed");
        }

        // the outage tables: the call made by the agent, the customer reached, what was agreed, its clock met
        var call = jdbc.sql("""
                SELECT completed_by, reached, note, clock_state, task_id, completed_at FROM outage_call
                 WHERE outage_id = ? AND customer_id = ?""").params(outageId, customerId)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getObject(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6)})
                .single();
        assertThat(call[0]).isEqualTo(agent);
        assertThat(call[1]).isEqualTo(Boolean.TRUE);
        assertThat(call[2]).isEqualTo(note);
        assertThat(call[3]).isEqualTo("MET");
        assertThat(call[4]).isEqualTo(taskId);
        assertThat(call[5]).isNotNull();
        // and the customer's record: one OUTAGE_CALL step by the agent with what the form submitted
        assertThat(steps.withoutCase(customerId)).filteredOn(s -> s.kind() == StepKind.OUTAGE_CALL).singleElement()
                .satisfies(step -> {
                    assertThat(step.actor()).isEqualTo(agent);
                    assertThat(step.taskId()).isEqualTo(taskId);
                    assertThat(step.value("customerReached")).isEqualTo(true);
                    assertThat(step.text("callNote")).isEqualTo(note);
                });
    }
}
