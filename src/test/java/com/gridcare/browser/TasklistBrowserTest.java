package com.gridcare.browser;


import static com.gridcare.browser.ComplaintSteps.CONTACT_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.browser.Browser.Language;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.TestData;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Staff at work in Tasklist, in headless Chromium: the front line takes a complaint routed to its
 * group from the inbox to completion; another group sees its own work and not the front line's; the
 * same walk in Chinese shows every label of the screen in Chinese. Screenshots of every step under
 * target/screenshots/.
 */
@BrowserTest
class TasklistBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    HistoryService history;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

    ComplaintSteps complaints;

    @BeforeEach
    void setUp() {
        testData.users();
        complaints = new ComplaintSteps(port, history, runtime);
    }

    private String customerName(String customerId) {
        return "Test customer " + customerId;
    }

    @Test
    void frontLineAgentTakesAComplaintFromTheGroupInboxToCompletion() {
        var complaint = complaints.register(testData.residential(), "CONNECTION",
                "The new connection was promised for Monday and nobody came.");
        assertThat(complaint.group()).isEqualTo(Groups.CUSTOMER_SERVICE);

        try (var browser = Browser.open(port, Language.ENGLISH, "front-line-en")) {
            var tasklist = LoginPage.ofTasklist(browser)
                    .logIn(TestData.user(Groups.CUSTOMER_SERVICE), TestData.PASSWORD);
            var filters = tasklist.filterNames();
            assertThat(filters).hasSizeGreaterThanOrEqualTo(FilterNames.ALL.size());
            for (int i = 0; i < FilterNames.ALL.size(); i++) {
                assertThat(filters.get(i)).startsWith(FilterNames.ALL.get(i) + " / ");
            }
            browser.screenshot("filters");

            var card = complaints.findInGroupInbox(tasklist, complaint);
            assertThat(card.taskName()).isEqualTo(CONTACT_CUSTOMER);
            assertThat(card.text()).contains(complaint.caseId(), customerName(complaint.customerId()));
            browser.screenshot("group-inbox");

            var form = tasklist.open(card);
            var note = "Field crew booked for tomorrow 09:00; customer agreed by phone.";
            complaints.showsContext(form, complaint, customerName(complaint.customerId()));
            browser.screenshot("task-form");
            assertThat(complaints.completeWithoutNote(form)).containsExactly("Field is required.");
            browser.screenshot("validation-error");
            complaints.recordContact(form, note);

            browser.screenshot("completed");
            complaints.assertCompleted(form.taskId, note);
        }
    }

    /** What the job executor would do between two steps (it is off in tests): acknowledgements, notices. */
    private void runJobsOf(String caseId) {
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult();
        if (instance != null) com.gridcare.testsupport.AsyncSteps.run(management, instance.getId());
    }

    @Test
    void frontLineAgentTakesAComplaintFromIntakeToClosureUsingOnlyTheScreens() {
        var complaint = complaints.register(testData.residential(), "OTHER",
                "Street light outside no. 12 flickers and the hotline promised a visit last week.");
        assertThat(complaint.group()).isEqualTo(Groups.CUSTOMER_SERVICE);
        runJobsOf(complaint.caseId());

        try (var browser = Browser.open(port, Language.ENGLISH, "intake-to-closure-en")) {
            var tasklist = LoginPage.ofTasklist(browser).logIn(TestData.user(Groups.CUSTOMER_SERVICE), TestData.PASSWORD);
            var form = tasklist.open(complaints.findInGroupInbox(tasklist, complaint));
            // the masked phone reads as it is, not as Markdown emphasis
            assertThat(form.text("Contact / 联系方式")).containsPattern("Phone / 电话 1\\d{2}\\*{4}\\d{4}");
            browser.screenshot("contact-customer");
            complaints.recordContact(form.claim(), "Customer reached; visit agreed for Thursday morning.");
            runJobsOf(complaint.caseId());

            var card = complaints.findInGroupInbox(tasklist, complaint);
            assertThat(card.taskName()).isEqualTo(ComplaintSteps.INVESTIGATE);
            form = tasklist.open(card);
            browser.screenshot("investigate-and-resolve");
            complaints.resolve(form, "The lamp's ballast had failed; the crew confirmed it on site.",
                    "Ballast replaced on Thursday; the light works again.");
            runJobsOf(complaint.caseId());

            card = complaints.findInGroupInbox(tasklist, complaint);
            assertThat(card.taskName()).isEqualTo(ComplaintSteps.CONFIRM);
            form = tasklist.open(card);
            browser.screenshot("confirm-result");
            complaints.confirmResolved(form, "Customer thanked us; the light is fine.");
            runJobsOf(complaint.caseId());
            browser.screenshot("closed");
        }
        var status = com.gridcare.testsupport.Api.at(port).as(Groups.CHANNEL_SYSTEMS).get("/api/v1/cases/" + complaint.caseId());
        assertThat(status.json().path("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void anotherGroupSeesItsOwnWorkAndNotTheFrontLines() {
        var customerId = testData.residential();
        var billingComplaint = complaints.register(customerId, "BILLING", "The October bill is twice the usual.");
        var frontLineComplaint = complaints.register(customerId, "OTHER", "Nobody answered my letter.");
        assertThat(billingComplaint.group()).isEqualTo(Groups.BILLING);
        assertThat(frontLineComplaint.group()).isEqualTo(Groups.CUSTOMER_SERVICE);

        try (var browser = Browser.open(port, Language.ENGLISH, "other-group-en")) {
            var tasklist = LoginPage.ofTasklist(browser).logIn(TestData.user(Groups.BILLING), TestData.PASSWORD);

            var card = complaints.findInGroupInbox(tasklist, billingComplaint);
            assertThat(card.text()).contains(billingComplaint.caseId(), customerName(customerId));
            browser.screenshot("own-complaint");

            tasklist.searchCase(frontLineComplaint.caseId()).showsNoTask();
            assertThat(browser.driver().findElements(TasklistPage.cardOf(frontLineComplaint.caseId()))).isEmpty();
            browser.screenshot("front-line-complaint-not-here");

            tasklist.logOut();
            browser.screenshot("logged-out");
        }
    }

    @Test
    void chineseTasklistShowsEveryLabelInChinese() {
        var complaint = complaints.register(testData.residential(), "CONNECTION", "新装电表一直没有人来安装。");

        try (var browser = Browser.open(port, Language.CHINESE, "front-line-zh")) {
            var login = LoginPage.ofTasklist(browser);
            assertThat(login.usernamePlaceholder()).isEqualTo("用户名");
            assertThat(login.logInLabel()).isEqualTo("登录");

            var tasklist = login.logIn(TestData.user(Groups.CUSTOMER_SERVICE), TestData.PASSWORD);
            assertThat(tasklist.filterNames()).contains("My tasks / 我的任务", "My groups' tasks / 本组任务",
                    "Due today / 今日到期", "Overdue / 已逾期", "Key accounts / 大客户");
            assertThat(tasklist.labelsWithoutChinese()).isEmpty();
            browser.screenshot("filters");

            var card = complaints.findInGroupInbox(tasklist, complaint);
            assertThat(card.text()).contains("前").doesNotContain(" ago");
            assertThat(tasklist.labelsWithoutChinese()).isEmpty();
            browser.screenshot("group-inbox");

            var form = tasklist.open(card);
            assertThat(form.claimLabel()).isEqualTo("认领");
            complaints.showsContext(form, complaint, customerName(complaint.customerId()));
            browser.screenshot("task-form");
            assertThat(complaints.completeWithoutNote(form)).containsExactly("此项为必填项。");
            assertThat(form.completeLabel()).isEqualTo("完成");
            assertThat(tasklist.labelsWithoutChinese()).isEmpty();
            browser.screenshot("validation-error");
            complaints.recordContact(form, "已安排施工队明天上午九点上门安装，客户电话确认。");

            assertThat(tasklist.labelsWithoutChinese()).isEmpty();
            browser.screenshot("completed");
            complaints.assertCompleted(form.taskId, "已安排施工队明天上午九点上门安装，客户电话确认。");
        }
    }
}
