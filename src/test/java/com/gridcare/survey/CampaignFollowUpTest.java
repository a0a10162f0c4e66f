package com.gridcare.survey;

import static com.gridcare.testsupport.ReportJson.section;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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
import com.gridcare.notification.NotificationOutbox;
import com.gridcare.notification.NotificationTemplate;
import com.gridcare.notification.QueuedNotification;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.ReportJson;
import com.gridcare.testsupport.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A launched campaign's invitations as the surveys after a case: one reminder to those who have not answered
 * (not to those who answered or withdrew their consent), expiry when the window closes, both by the engine's
 * clock; a score of 1 or 2 asks the survey team for a recovery call whose outcome is kept; and the campaign's
 * answers in the monthly service report equal hand counts.
 */
@GridCareTest
class CampaignFollowUpTest {

    /** The engine's (and GridCare's) time when the campaign is launched: a month no other test reports on. */
    static final OffsetDateTime LAUNCH = OffsetDateTime.parse("2016-05-03T10:00:00+08:00");

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    CustomerService customerService;
    @Autowired
    Consents consents;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    SurveyCampaigns campaigns;
    @Autowired
    CaseSteps steps;

    @BeforeEach
    void setUp() {
        testData.users();
        ClockUtil.setCurrentTime(Date.from(LAUNCH.toInstant()));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    /** A public-sector customer in a rural area with marketing consent on SMS: green-minded, important, both or neither. */
    private String customer(boolean green, boolean critical) {
        var id = TestData.uniqueId("CFU");
        customerService.save(id, new CustomerMasterData("Township " + id, CustomerClass.PUBLIC, new BigDecimal("10"),
                new BigDecimal("400"), LocalDate.of(2010, 1, 1), null, critical, false, green, Area.RURAL,
                PreferredChannel.SMS, "13800138000", null, null, null, null));
        consents.record(id, PreferredChannel.SMS, ConsentPurpose.MARKETING, true, "TEST_FORM", null, "test");
        return id;
    }

    /** Defines and launches a campaign to every rural public-sector customer, open for 14 days. */
    private String launch() {
        var manager = Api.at(port).as(Groups.SERVICE_MANAGERS);
        var defined = manager.post("/api/v1/campaigns", """
                {"nameEn":"Rural public buildings","nameZh":"农村公共机构用户调查",
                 "target":{"customerClass":"PUBLIC","area":"RURAL","sampleSize":1000000},
                 "opensAt":"%s","closesAt":"%s",
                 "questions":[{"kind":"SCALE","textEn":"How reliable is your supply?","textZh":"您对供电可靠性是否满意？"},
                              {"kind":"SCALE","textEn":"How clear is your tariff?","textZh":"您是否清楚电价构成？"},
                              {"kind":"TEXT","textEn":"What should we improve?","textZh":"您希望我们改进什么？"}]}"""
                .formatted(LAUNCH.minusMinutes(1), LAUNCH.plusDays(14)));
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        var id = defined.json().path("id").asText();
        var launched = manager.post("/api/v1/campaigns/" + id + "/launch");
        assertThat(launched.status()).as(launched.body()).isEqualTo(200);
        return id;
    }

    private String replyCode(String campaignId, String customerId) {
        return jdbc.sql("SELECT reply_code FROM survey_campaign_invitation WHERE campaign_id = ? AND customer_id = ?")
                .params(campaignId, customerId).query(String.class).single();
    }

    private String[] invitation(String campaignId, String customerId) {
        return jdbc.sql("""
                SELECT status, reminder_status, reminded_at, expired_at FROM survey_campaign_invitation
                 WHERE campaign_id = ? AND customer_id = ?""").params(campaignId, customerId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)})
                .single();
    }

    private Api.Answer answer(String campaignId, String customerId, int q1, int q2) {
        return Api.at(port).as(Groups.CHANNEL_SYSTEMS).post("/api/v1/campaigns/" + campaignId + "/responses", """
                {"replyCode":"%s","answers":[{"question":1,"score":%d},{"question":2,"score":%d},
                 {"question":3,"text":"Tell us before work on the line"}]}""".formatted(replyCode(campaignId, customerId), q1, q2));
    }

    private Job timer(String campaignId) {
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(campaignId)
                .processDefinitionKey(SurveyCampaigns.PROCESS_KEY).singleResult();
        return instance == null ? null
                : management.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    }

    private void fire(Job timer) {
        ClockUtil.setCurrentTime(timer.getDuedate());
        management.executeJob(timer.getId());
    }

    private Map<String, List<String>> messages(String campaignId) {
        return outbox.forTopic("CAMPAIGN:" + campaignId).stream().collect(Collectors.groupingBy(
                QueuedNotification::customerId, Collectors.mapping(QueuedNotification::template, Collectors.toList())));
    }

    @Test
    void unansweredInvitationsGetOneReminderAndExpireWhenTheWindowClosesByTheEngineClock() {
        var mine = new ArrayList<String>();
        for (int i = 0; i < 6; i++) mine.add(customer(i % 2 == 0, false));
        var campaign = launch();
        var answeredEarly = mine.get(0);
        var withdrew = mine.get(1);
        var answeredLate = mine.get(2);

        // the reminder is due three days after the launch, as for the survey after a case
        var reminder = timer(campaign);
        assertThat(reminder.getDuedate().toInstant()).isEqualTo(LAUNCH.plusDays(3).toInstant());
        assertThat(answer(campaign, answeredEarly, 4, 4).status()).isEqualTo(202);
        ClockUtil.setCurrentTime(Date.from(LAUNCH.plusDays(1).toInstant()));
        consents.record(withdrew, PreferredChannel.SMS, ConsentPurpose.MARKETING, false, "SMS_REPLY", null, "test");
        fire(reminder);

        var sent = messages(campaign);
        assertThat(sent.get(answeredEarly)).as("answered: no reminder").containsExactly(NotificationTemplate.CAMPAIGN_INVITATION);
        assertThat(sent.get(withdrew)).as("withdrew consent: no reminder").containsExactly(NotificationTemplate.CAMPAIGN_INVITATION);
        assertThat(invitation(campaign, withdrew)[1]).isEqualTo("NO_CONSENT");
        assertThat(invitation(campaign, answeredEarly)[1]).isNull();
        for (var id : mine.subList(2, 6)) {
            assertThat(sent.get(id)).as("one reminder for %s", id)
                    .containsExactly(NotificationTemplate.CAMPAIGN_INVITATION, NotificationTemplate.CAMPAIGN_REMINDER);
            assertThat(invitation(campaign, id)[1]).isEqualTo("SENT");
            assertThat(invitation(campaign, id)[2]).isNotNull();
        }

        // answering after the reminder, within the window
        ClockUtil.setCurrentTime(Date.from(LAUNCH.plusDays(5).toInstant()));
        assertThat(answer(campaign, answeredLate, 5, 5).status()).isEqualTo(202);

        // the window closes: the rest expire, nobody is reminded again
        var closes = timer(campaign);
        assertThat(closes.getDuedate().toInstant()).isEqualTo(LAUNCH.plusDays(14).toInstant());
        fire(closes);
        assertThat(timer(campaign)).as("the campaign's process ended").isNull();
        assertThat(campaigns.get(campaign).status()).isEqualTo("CLOSED");
        assertThat(invitation(campaign, answeredEarly)[0]).isEqualTo("ANSWERED");
        assertThat(invitation(campaign, answeredLate)[0]).isEqualTo("ANSWERED");
        for (var id : List.of(withdrew, mine.get(3), mine.get(4), mine.get(5))) {
            assertThat(invitation(campaign, id)[0]).as("%s expired", id).isEqualTo("EXPIRED");
            assertThat(invitation(campaign, id)[3]).isNotNull();
        }
        assertThat(messages(campaign).get(mine.get(3))).hasSize(2);
        var late = answer(campaign, mine.get(3), 3, 3);
        assertThat(late.status()).as(late.body()).isEqualTo(409);

        var results = Api.at(port).as(Groups.SERVICE_MANAGERS).get("/api/v1/campaigns/" + campaign + "/results").json();
        assertThat(results.path("answered").asInt()).isEqualTo(2);
        assertThat(results.path("expired").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(results.path("reminded").asInt()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aLowScoreAsksTheSurveyTeamForARecoveryCallWhoseOutcomeIsKept() {
        var unhappy = customer(true, false);
        var content = customer(false, false);
        var campaign = launch();
        assertThat(answer(campaign, content, 3, 4).status()).isEqualTo(202);
        assertThat(campaigns.recoveryCall(campaign, content)).as("no score of 1 or 2").isEmpty();
        assertThat(answer(campaign, unhappy, 4, 2).status()).isEqualTo(202);

        var call = campaigns.recoveryCall(campaign, unhappy).orElseThrow();
        assertThat(call.lowestScore()).isEqualTo(2);
        assertThat(call.lowQuestions()).isEqualTo("2");
        assertThat(call.calledAt()).isNull();
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(campaign + "/" + unhappy)
                .singleResult();
        var task = tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(task.getName()).isEqualTo("Call dissatisfied campaign respondent");
        assertThat(task.getDueDate()).as("due in 2 working days").isAfter(Date.from(LAUNCH.toInstant()));
        assertThat(tasks.getIdentityLinksForTask(task.getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo(Groups.SURVEY_TEAM));
        var form = Api.at(port).as(Groups.SURVEY_TEAM).get("/engine-rest/task/" + task.getId() + "/form-variables");
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        assertThat(form.json().path("lowestScore").path("value").asInt()).isEqualTo(2);
        assertThat(form.json().path("lowAnswers").path("value").asText())
                .isEqualTo("2 · How clear is your tariff? / 您是否清楚电价构成？");
        assertThat(form.json().path("campaignComment").path("value").asText()).isEqualTo("Tell us before work on the line");

        ClockUtil.setCurrentTime(Date.from(LAUNCH.plusDays(1).toInstant()));
        identity.setAuthentication(TestData.user(Groups.SURVEY_TEAM), List.of(Groups.SURVEY_TEAM));
        try {
            tasks.complete(task.getId(), Map.of("customerReached", true,
                    "callNotes", "The tariff letter was unclear; we explained the time-of-use prices."));
        } finally {
            identity.clearAuthentication();
        }

        var made = campaigns.recoveryCall(campaign, unhappy).orElseThrow();
        assertThat(made.customerReached()).isTrue();
        assertThat(made.callNotes()).startsWith("The tariff letter was unclear");
        assertThat(made.calledBy()).isEqualTo(TestData.user(Groups.SURVEY_TEAM));
        assertThat(made.calledAt().toInstant()).isEqualTo(LAUNCH.plusDays(1).toInstant());
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(steps.withoutCase(unhappy)).filteredOn(s -> s.kind() == StepKind.RECOVERY_CALL)
                .extracting(s -> s.outcome()).containsExactly("REACHED");
        var results = Api.at(port).as(Groups.SERVICE_MANAGERS).get("/api/v1/campaigns/" + campaign + "/results").json();
        assertThat(results.path("recoveryCalls").asInt()).isEqualTo(1);
        assertThat(results.path("recoveryCallsMade").asInt()).isEqualTo(1);
    }

    @Test
    void theMonthlyServiceReportShowsTheCampaignByQuestionAndSegmentAsCountedByHand() throws Exception {
        // segments when selected: GREEN, GREEN, GREEN+RELIABILITY, RELIABILITY, none, none
        var c = List.of(customer(true, false), customer(true, false), customer(true, true), customer(false, true),
                customer(false, false), customer(false, false));
        var campaign = launch();
        int[][] scores = {{1, 4}, {2, 5}, {5, 3}, {4, 2}, {3, 5}};
        for (int i = 0; i < scores.length; i++) {
            assertThat(answer(campaign, c.get(i), scores[i][0], scores[i][1]).status()).isEqualTo(202);
        }
        // c5 does not answer

        var manager = Api.at(port).as(Groups.SERVICE_MANAGERS);
        var report = manager.get("/api/v1/reports/service?month=2016-05");
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        var q1 = "Q1 How reliable is your supply? / 您对供电可靠性是否满意？";
        var q2 = "Q2 How clear is your tariff? / 您是否清楚电价构成？";
        var byQuestion = section(report.json(), "campaigns");
        assertThat(byQuestion.path("title").toString()).contains("Survey campaigns", "专项满意度调查");
        // answers, average, scores 1–2, their share: counted by hand from the scores above
        assertRow(byQuestion, campaign + "|" + q1, 5, "3.0", 2, "0.400");
        assertRow(byQuestion, campaign + "|" + q2, 5, "3.8", 1, "0.200");
        assertThat(rowsOf(byQuestion, campaign)).as("the text question has no scores").hasSize(2);

        var bySegment = section(report.json(), "campaignSegments");
        assertRow(bySegment, campaign + "|" + q1 + "|GREEN", 3, "2.7", 2, "0.667");
        assertRow(bySegment, campaign + "|" + q1 + "|RELIABILITY", 2, "4.5", 0, "0.000");
        assertRow(bySegment, campaign + "|" + q1 + "|NONE", 1, "3.0", 0, "0.000");
        assertRow(bySegment, campaign + "|" + q2 + "|GREEN", 3, "4.0", 0, "0.000");
        assertRow(bySegment, campaign + "|" + q2 + "|RELIABILITY", 2, "2.5", 1, "0.500");
        assertRow(bySegment, campaign + "|" + q2 + "|NONE", 1, "5.0", 0, "0.000");
        assertThat(rowsOf(bySegment, campaign)).hasSize(6);

        var csv = manager.get("/api/v1/reports/service?month=2016-05&format=csv").body();
        assertThat(csv).contains("# campaigns,Survey campaigns,专项满意度调查", campaign + "," + q1 + ",5,3.0,2,0.400",
                "# campaignSegments,Survey campaigns by segment,专项满意度调查（按客户细分）",
                campaign + "," + q2 + ",RELIABILITY,2,2.5,1,0.500");

        try (var workbook = ReportJson.workbook(port, "2016-05")) {
            var sheet = workbook.getSheet("Survey campaigns");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("专项满意度调查", "2016-05");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("Answers");
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("答复数");
            int answers = 0;
            for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(0).getStringCellValue().equals(campaign)) {
                    answers += (int) sheet.getRow(r).getCell(2).getNumericCellValue();
                }
            }
            assertThat(answers).isEqualTo(10);
            assertThat(workbook.getSheet("Survey campaigns by segment")).isNotNull();
        }
    }

    private static List<JsonNode> rowsOf(JsonNode section, String campaign) {
        var rows = new ArrayList<JsonNode>();
        for (var r : section.path("rows")) {
            if (r.path("key").asText().startsWith(campaign + "|")) rows.add(r);
        }
        return rows;
    }

    private static void assertRow(JsonNode section, String key, int answers, String average, int low, String share) {
        JsonNode figures = null;
        for (var r : section.path("rows")) {
            if (r.path("key").asText().equals(key)) figures = r.path("figures");
        }
        assertThat(figures).as("row %s in %s", key, section.path("rows")).isNotNull();
        assertThat(figures.get(0).asInt()).as("answers of %s", key).isEqualTo(answers);
        assertThat(figures.get(1).decimalValue()).as("average of %s", key).isEqualByComparingTo(average);
        assertThat(figures.get(2).asInt()).as("scores 1–2 of %s", key).isEqualTo(low);
        assertThat(figures.get(3).decimalValue()).as("share of %s", key).isEqualByComparingTo(share);
    }
}
