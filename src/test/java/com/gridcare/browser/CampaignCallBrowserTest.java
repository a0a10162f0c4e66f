package com.gridcare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.browser.Browser.Language;
import com.gridcare.cases.CaseSteps;
import com.gridcare.cases.StepKind;
import com.gridcare.consent.ConsentPurpose;
import com.gridcare.consent.Consents;
import com.gridcare.customer.Area;
import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.CustomerMasterData;
import com.gridcare.customer.CustomerService;
import com.gridcare.customer.PreferredChannel;
import com.gridcare.kernel.Groups;
import com.gridcare.survey.SurveyCampaigns;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.TestData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The recovery call after a low score in a survey campaign, in Tasklist, in headless Chromium, in English and
 * Chinese: a customer answers a campaign with a 1 through the channel API; a member of the survey team finds
 * "Call dissatisfied campaign respondent" in the group's inbox (its name in both languages on a Chinese
 * screen), sees the campaign, the low-scored question and the customer's comment, ticks that the customer was
 * reached, writes what the customer said and completes it; the call is then in the campaign's recovery-call
 * row (reached, notes, who, when) and on the customer's record. Screenshots under
 * target/screenshots/campaign-call-*; the README shows them.
 */
@BrowserTest
class CampaignCallBrowserTest {

    static final String TASK_NAME = "Call dissatisfied campaign respondent";
    static final String TASK_NAME_ZH = "回访调查中不满意的客户";

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    CustomerService customerService;
    @Autowired
    Consents consents;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    SurveyCampaigns campaigns;
    @Autowired
    CaseSteps steps;
    @Autowired
    Clock clock;

    @BeforeEach
    void setUp() {
        testData.users();
    }

    /** A campaign and the one recovery-call task a low answer to it asked for. */
    private record RecoveryCall(String campaignId, String taskId) {}

    /** A remote public-sector customer who wants green power and agreed to marketing by SMS: the campaign's target. */
    private String remoteSchool() {
        var id = TestData.uniqueId("CCB");
        customerService.save(id, new CustomerMasterData("Village school " + id, CustomerClass.PUBLIC,
                new BigDecimal("10"), new BigDecimal("100"), LocalDate.of(2008, 9, 1), null, false, false, true,
                Area.REMOTE, PreferredChannel.SMS, "13800138000", null, null, null, null));
        consents.record(id, PreferredChannel.SMS, ConsentPurpose.MARKETING, true, "TEST_FORM", null, "test");
        return id;
    }

    /**
     * A campaign to remote green-minded public buildings, defined and launched by the survey team, answered by the
     * customer through the channel API with a 4 for supply and a 1 for the tariff: the survey team's call task.
     */
    private RecoveryCall campaignAnsweredWithALowScore(String customerId, String comment) {
        var now = OffsetDateTime.now(clock);
        var team = Api.at(port).as(Groups.SURVEY_TEAM);
        var defined = team.post("/api/v1/campaigns", """
                {"nameEn":"Remote public buildings","nameZh":"偏远地区公共机构用户调查",
                 "target":{"segment":"GREEN","customerClass":"PUBLIC","area":"REMOTE","sampleSize":1000000},
                 "opensAt":"%s","closesAt":"%s",
                 "questions":[{"kind":"SCALE","textEn":"How reliable is your supply?","textZh":"您对供电可靠性是否满意？"},
                              {"kind":"SCALE","textEn":"How clear is your tariff?","textZh":"您是否清楚电价构成？"},
                              {"kind":"TEXT","textEn":"What should we improve?","textZh":"您希望我们改进什么？"}]}"""
                .formatted(now.minusMinutes(1), now.plusDays(14)));
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        var campaignId = defined.json().path("id").asText();
        var launched = team.post("/api/v1/campaigns/" + campaignId + "/launch");
        assertThat(launched.status()).as(launched.body()).isEqualTo(200);
        // the code the customer's invitation carries
        var replyCode = jdbc.sql("SELECT reply_code FROM survey_campaign_invitation WHERE campaign_id = ? AND customer_id = ?")
                .params(campaignId, customerId).query(String.class).single();
        var answered = Api.at(port).as(Groups.CHANNEL_SYSTEMS).post("/api/v1/campaigns/" + campaignId + "/responses", """
                {"replyCode":"%s","answers":[{"question":1,"score":4},{"question":2,"score":1},
                 {"question":3,"text":"%s"}]}""".formatted(replyCode, comment));
        assertThat(answered.status()).as(answered.body()).isEqualTo(202);
        var instance = runtime.createProcessInstanceQuery().processDefinitionKey(SurveyCampaigns.RECOVERY_CALL_PROCESS_KEY)
                .processInstanceBusinessKey(campaignId + "/" + customerId).singleResult();
        assertThat(instance).as("the recovery call of %s", customerId).isNotNull();
        var task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        return new RecoveryCall(campaignId, task.getId());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theSurveyTeamCallsACustomerWhoScoredACampaignLowAndTheCallIsKept(Language language) {
        var chinese = language == Language.CHINESE;
        var customerId = remoteSchool();
        var comment = chinese ? "电费单看不懂，希望有人上门讲解。" : "The bill is hard to read; please explain it in person.";
        var call = campaignAnsweredWithALowScore(customerId, comment);
        var campaignId = call.campaignId();
        var member = TestData.user(Groups.SURVEY_TEAM);
        var notes = chinese ? "客户不清楚峰谷电价，已电话讲解并约定下周上门送宣传资料。"
                : "The customer did not follow the time-of-use prices; explained them and will post a leaflet.";
        var shownName = chinese ? TASK_NAME + " / " + TASK_NAME_ZH : TASK_NAME;

        try (var browser = Browser.open(port, language, "campaign-call-" + (chinese ? "zh" : "en"))) {
            var tasklist = LoginPage.ofTasklist(browser).logIn(member, TestData.PASSWORD);
            var card = tasklist.filter(FilterNames.MY_GROUPS_TASKS).task(campaignId + "/" + customerId, call.taskId());
            assertThat(card.taskName()).isEqualTo(shownName);
            browser.screenshot("group-inbox");

            var form = tasklist.open(card);
            assertThat(new WorkspaceScreens(browser).taskHeader()).isEqualTo(shownName);
            assertThat(form.value("Campaign / 调查编号")).isEqualTo(campaignId);
            assertThat(form.value("Campaign name / 调查名称")).isEqualTo("Remote public buildings / 偏远地区公共机构用户调查");
            assertThat(form.value("Customer number / 客户编号")).isEqualTo(customerId);
            assertThat(form.value("Low scores / 低分题目")).isEqualTo("1 · How clear is your tariff? / 您是否清楚电价构成？");
            assertThat(form.value("Customer's comments / 客户意见")).isEqualTo(comment);
            assertThat(form.text("The customer's lowest score")).contains("was 1 out of 5", "最低评分为 1 分");
            if (chinese) assertThat(tasklist.labelsWithoutChinese()).isEmpty();
            form.claim().tick("Customer reached / 已联系上客户").fill("What the customer told us / 回访记录", notes);
            if (chinese) assertThat(tasklist.labelsWithoutChinese()).isEmpty();
            browser.screenshot("form");
            form.complete();
            browser.screenshot("completed");
        }

        // the campaign's recovery-call row: the low score it was asked for, then the call as the form submitted it
        var kept = jdbc.sql("""
                SELECT lowest_score, low_questions, customer_reached, call_notes, called_by, called_at
                  FROM survey_campaign_recovery_call WHERE campaign_id = ? AND customer_id = ?""")
                .params(campaignId, customerId)
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getString(2), rs.getObject(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class)})
                .single();
        assertThat(kept[0]).isEqualTo(1);
        assertThat(kept[1]).isEqualTo("2");
        assertThat(kept[2]).isEqualTo(Boolean.TRUE);
        assertThat(kept[3]).isEqualTo(notes);
        assertThat(kept[4]).isEqualTo(member);
        assertThat(kept[5]).isNotNull();
        // and the customer's record: one RECOVERY_CALL step by the member of the survey team
        assertThat(steps.withoutCase(customerId)).filteredOn(s -> s.kind() == StepKind.RECOVERY_CALL).singleElement()
                .satisfies(step -> {
                    assertThat(step.actor()).isEqualTo(member);
                    assertThat(step.taskId()).isEqualTo(call.taskId());
                    assertThat(step.outcome()).isEqualTo("REACHED");
                    assertThat(step.text("callNotes")).isEqualTo(notes);
                });
        assertThat(campaigns.results(campaignId)).containsEntry("recoveryCalls", 1).containsEntry("recoveryCallsMade", 1);
    }
}
