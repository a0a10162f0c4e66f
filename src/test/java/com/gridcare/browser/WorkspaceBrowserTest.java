package com.gridcare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.browser.Browser.Language;
import com.gridcare.customer.Area;
import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.CustomerMasterData;
import com.gridcare.customer.CustomerService;
import com.gridcare.customer.MonthlyConsumption;
import com.gridcare.customer.PreferredChannel;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.TestData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The staff workspace in Tasklist, in headless Chromium, in English and Chinese: a hotline agent
 * registers a caller's complaint, finds it by its number, opens the customer tab (chart drawn, the
 * new case on the timeline), reveals the phone number with a reason (the access log checked through
 * the API) and records an enquiry; a supervisor reassigns a task from the team view. Screenshots of
 * every step under target/screenshots/workspace-*; the README shows those in docs/screenshots/.
 */
@BrowserTest
class WorkspaceBrowserTest {

    private static final String PHONE = "13912340104";

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    CustomerService customers;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    Clock clock;

    @BeforeEach
    void setUp() {
        testData.users();
    }

    /** A residential customer with 24 months of consumption (one bill paid late) and a phone number of their own. */
    private String customerWith24Months(String name) {
        var id = TestData.uniqueId("WS");
        customers.save(id, new CustomerMasterData(name, CustomerClass.RESIDENTIAL, new BigDecimal("0.22"),
                new BigDecimal("8"), LocalDate.now(clock).minusYears(6), null, false, false, false, Area.URBAN,
                PreferredChannel.SMS, PHONE, null, "No. 12 Riverside Road, Apt 3"));
        var months = new ArrayList<MonthlyConsumption>();
        var last = YearMonth.from(LocalDate.now(clock)).minusMonths(1);
        for (int i = 0; i < 24; i++) {
            months.add(new MonthlyConsumption(last.minusMonths(i).toString(), BigDecimal.valueOf(250 + (i % 12) * 15),
                    BigDecimal.valueOf(130 + i), i != 3));
        }
        customers.saveConsumption(id, months);
        return id;
    }

    private static String scenario(String name, Language language) {
        return name + (language == Language.CHINESE ? "-zh" : "-en");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void agentRegistersACallFindsTheCaseAndWorksWithTheCustomerTab(Language language) {
        var chinese = language == Language.CHINESE;
        var customerId = customerWith24Months(chinese ? "王丽华" : "Wang Lihua");
        var agent = TestData.user(Groups.CUSTOMER_SERVICE);

        try (var browser = Browser.open(port, language, scenario("workspace", language))) {
            var tasklist = LoginPage.ofTasklist(browser).logIn(agent, TestData.PASSWORD);
            var workspace = new WorkspaceScreens(browser);

            // 1. the caller complains; the agent registers it and reads out the case number and reply-by date
            var call = workspace.registerCall().customer(customerId, customerId).kind("COMPLAINT").category("OTHER")
                    .describe(chinese ? "小区路灯每晚闪烁，上周热线承诺派人却没有来。" : "The street light flickers every night; nobody came as promised.");
            browser.screenshot("register-call");
            var receipt = call.register();
            assertThat(receipt.caseId()).matches("CMP-\\d{4}-\\d{6}");
            assertThat(receipt.replyBy()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
            assertThat(call.text()).contains(chinese ? "请告知来电客户" : "Read to the caller");
            browser.screenshot("call-registered");
            workspace.closeDialog();

            // 2. found again by its number; the case opens with its open task
            workspace.search(receipt.caseId()).openCaseHit(receipt.caseId());
            assertThat(workspace.caseDialogText()).contains(receipt.caseId(), chinese ? "办理中" : "Open");
            browser.screenshot("case-found");
            workspace.openTaskOfCase();
            var header = workspace.taskHeader();
            assertThat(header).isEqualTo(chinese ? "Contact customer / 联系客户" : "Contact customer");

            // 3. the customer tab: profile, the chart of 24 months, the new case on the timeline
            workspace.customerTab();
            assertThat(workspace.customerTabLabel()).isEqualTo(chinese ? "客户" : "Customer");
            assertThat(workspace.chartMonths()).isEqualTo(24);
            assertThat(workspace.chartHasCanvas()).isTrue();
            assertThat(workspace.timelineEntryOfCase(receipt.caseId())).contains(receipt.caseId(), agent);
            assertThat(workspace.profileText()).contains(chinese ? "居民" : "Residential").doesNotContain(PHONE);
            assertThat(workspace.maskedPhone()).isEqualTo("139****0104");
            if (chinese) assertThat(tasklist.labelsWithoutChinese()).isEmpty();
            browser.screenshot("customer-tab");

            // 4. the full phone number, with a reason; the access log holds who, when, which field and why
            var reason = chinese ? "客户来电中断，需要回拨" : "Call dropped; calling the customer back";
            assertThat(workspace.revealPhone(reason)).isEqualTo(PHONE);
            browser.screenshot("phone-revealed");
            var log = Api.at(port).as(Groups.ADMINS).get("/api/v1/customers/" + customerId + "/access-log").json();
            assertThat(log.size()).isEqualTo(1);
            assertThat(log.get(0).path("accessedBy").asText()).isEqualTo(agent);
            assertThat(log.get(0).path("field").asText()).isEqualTo("PHONE");
            assertThat(log.get(0).path("reason").asText()).isEqualTo(reason);

            // 5. the caller also asks something answered at once: an enquiry on the timeline, no process
            var enquiry = workspace.registerCallForCustomer().kind("ENQUIRY")
                    .summary(chinese ? "咨询阶梯电价的计算方法，已当场解答。" : "Asked how tiered prices are counted; answered on the call.")
                    .register();
            assertThat(enquiry.contactId()).matches("CON-\\d{4}-\\d{6}");
            browser.screenshot("enquiry-recorded");
            workspace.closeDialog();
        }
        var timeline = Api.at(port).as(Groups.CUSTOMER_SERVICE).get("/api/v1/customers/" + customerId + "/timeline").json();
        assertThat(StreamSupport.stream(timeline.path("entries").spliterator(), false)
                .filter(e -> e.path("type").asText().equals("CONTACT")))
                .singleElement().satisfies(e -> {
                    assertThat(e.path("kind").asText()).isEqualTo("ENQUIRY");
                    assertThat(e.path("by").asText()).isEqualTo(agent);
                });
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void supervisorReassignsATaskFromTheTeamView(Language language) {
        var colleague = "agentb";
        if (identity.createUserQuery().userId(colleague).count() == 0) {
            var user = identity.newUser(colleague);
            user.setFirstName("Agent");
            user.setLastName("B");
            user.setPassword(TestData.PASSWORD);
            identity.saveUser(user);
            identity.createMembership(colleague, Groups.CUSTOMER_SERVICE);
        }
        var complaint = Api.at(port).as(Groups.CHANNEL_SYSTEMS).post("/api/v1/complaints", """
                {"customerId": "%s", "channel": "HOTLINE", "category": "OTHER", "description": "Letter unanswered."}"""
                .formatted(testData.residential())).json();
        var caseId = complaint.path("caseId").asText();
        var task = tasks.createTaskQuery().processInstanceId(complaint.path("processInstanceId").asText()).singleResult();
        tasks.claim(task.getId(), TestData.user(Groups.CUSTOMER_SERVICE));

        try (var browser = Browser.open(port, language, scenario("team-view", language))) {
            var tasklist = LoginPage.ofTasklist(browser).logIn(TestData.user(Groups.SUPERVISORS), TestData.PASSWORD);
            var card = tasklist.filter(FilterNames.TEAM_VIEW).searchCase(caseId).card(caseId);
            // the card names who holds the task (first and last name of the test user)
            assertThat(card.text()).contains(caseId, Groups.CUSTOMER_SERVICE + " Test");
            browser.screenshot("team-view");
            var form = tasklist.open(card);
            assertThat(new WorkspaceScreens(browser).reassignTo(colleague)).isEqualTo("Agent B");
            browser.screenshot("reassigned");
            assertThat(form.taskId).isEqualTo(task.getId());
        }
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo(colleague);
    }
}
