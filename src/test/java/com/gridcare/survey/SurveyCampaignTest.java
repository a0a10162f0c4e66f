package com.gridcare.survey;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.consent.ConsentPurpose;
import com.gridcare.consent.Consents;
import com.gridcare.customer.Area;
import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.CustomerMasterData;
import com.gridcare.customer.CustomerService;
import com.gridcare.customer.PreferredChannel;
import com.gridcare.notification.NotificationOutbox;
import com.gridcare.notification.QueuedNotification;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.context.ApplicationContext;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import com.gridcare.testsupport.AsyncSteps;
import com.gridcare.testsupport.TestCases;

/**
 * A campaign to a 200-customer segment invites each selected customer once, leaves out those the
 * suppression rules hold back (surveyed within 30 days: by an earlier campaign, or after a case) and those
 * without marketing consent, and reports the answers per question and segment.
 */
@GridCareTest
class SurveyCampaignTest {

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
    Clock clock;
    @Autowired
    SurveyRequests surveyRequests;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationContext context;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    private String define(int sampleSize) {
        return define("GREEN", sampleSize);
    }

    private String define(String segment, int sampleSize) {
        var now = OffsetDateTime.now(clock);
        var answer = Api.at(port).as(Groups.SERVICE_MANAGERS).post("/api/v1/campaigns", """
                {"nameEn":"Remote farms 2026","nameZh":"2026年偏远农业用户调查",
                 "target":{"segment":"%s","customerClass":"AGRICULTURAL","area":"REMOTE","sampleSize":%d},
                 "opensAt":"%s","closesAt":"%s",
                 "questions":[{"kind":"SCALE","textEn":"How reliable is your supply?","textZh":"您对供电可靠性是否满意？"},
                              {"kind":"SCALE","textEn":"How clear is your tariff?","textZh":"您是否清楚电价构成？"},
                              {"kind":"TEXT","textEn":"What should we improve?","textZh":"您希望我们改进什么？"}]}"""
                .formatted(segment, sampleSize, now.minusMinutes(1), now.plusDays(20)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("id").asText();
    }

    private Map<String, String[]> invitations(String campaignId) {
        return jdbc.sql("SELECT customer_id, status, reply_code FROM survey_campaign_invitation WHERE campaign_id = ?")
                .param(campaignId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list().stream()
                .collect(Collectors.toMap(r -> r[0], r -> r));
    }

    @Test
    void aCampaignToA200CustomerSegmentInvitesEachOnceSuppressesAndReportsPerQuestion() {
        testData.users();
        var mine = new ArrayList<String>();
        for (int i = 0; i < 200; i++) {
            var id = TestData.uniqueId("CPG");
            // the first ten are important customers too (segment RELIABILITY besides GREEN)
            customerService.save(id, new CustomerMasterData("Farm " + id, CustomerClass.AGRICULTURAL,
                    new BigDecimal("0.4"), new BigDecimal("30"), LocalDate.now(clock).minusYears(4), null, i < 10, false,
                    true, Area.REMOTE, PreferredChannel.SMS, "13800138000", null, null, null, null));
            // the last 20 never agreed to marketing
            if (i < 180) consents.record(id, PreferredChannel.SMS, ConsentPurpose.MARKETING, true, "TEST_FORM", null, "test");
            mine.add(id);
        }
        var manager = Api.at(port).as(Groups.SERVICE_MANAGERS);

        // an earlier campaign to the important ones surveys the first ten of them
        var earlier = define("RELIABILITY", 1_000_000);
        assertThat(manager.post("/api/v1/campaigns/" + earlier + "/launch").status()).isEqualTo(200);
        var surveyedEarlier = invitations(earlier).values().stream().filter(r -> r[1].equals("INVITED"))
                .map(r -> r[0]).collect(Collectors.toSet());
        assertThat(surveyedEarlier).containsAll(mine.subList(0, 10));
        // the next five were surveyed after a case just now
        var cases = new TestCases(context);
        for (var id : mine.subList(10, 15)) {
            var caseId = cases.caseWithoutProcess(id);
            transactions.executeWithoutResult(tx -> surveyRequests.request(caseId, id));
            var survey = runtime.createProcessInstanceQuery().processDefinitionKey(SurveyProcess.KEY)
                    .variableValueEquals("caseId", caseId).singleResult();
            AsyncSteps.run(management, survey.getId());
            assertThat(jdbc.sql("SELECT status FROM survey WHERE case_id = ?").param(caseId).query(String.class).single())
                    .isEqualTo("INVITED");
        }
        var surveyedWithin30Days = new HashSet<>(mine.subList(0, 15));

        var campaign = define(1_000_000);
        var launch = manager.post("/api/v1/campaigns/" + campaign + "/launch");
        assertThat(launch.status()).as(launch.body()).isEqualTo(200);
        assertThat(manager.post("/api/v1/campaigns/" + campaign + "/launch").body()).as("a second launch selects nobody new")
                .isEqualTo(launch.body());

        var invitations = invitations(campaign);
        var messages = outbox.forTopic("CAMPAIGN:" + campaign).stream()
                .collect(Collectors.groupingBy(QueuedNotification::customerId, Collectors.counting()));
        for (int i = 0; i < mine.size(); i++) {
            var id = mine.get(i);
            var row = invitations.get(id);
            assertThat(row).as("%s was selected", id).isNotNull();
            if (surveyedWithin30Days.contains(id)) {
                assertThat(row[1]).as("%s surveyed within 30 days", id).isEqualTo("SUPPRESSED");
                assertThat(messages).doesNotContainKey(id);
            } else if (i >= 180) {
                assertThat(row[1]).as("%s has no marketing consent", id).isEqualTo("NO_CONSENT");
                assertThat(messages).doesNotContainKey(id);
            } else {
                assertThat(row[1]).as("%s invited", id).isEqualTo("INVITED");
                assertThat(messages.get(id)).as("one invitation for %s", id).isEqualTo(1L);
            }
        }
        assertThat(launch.json().path("suppressed").asInt()).isGreaterThanOrEqualTo(15);
        // each suppression keeps the rule's explanation and the recorded decision
        var reasons = jdbc.sql("SELECT customer_id, reason, decision_id FROM survey_campaign_invitation WHERE campaign_id = ?")
                .param(campaign).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        assertThat(reasons).filteredOn(r -> surveyedWithin30Days.contains(r[0])).hasSize(15)
                .allSatisfy(r -> {
                    assertThat(r[1]).startsWith("not in campaign " + campaign + ":");
                    assertThat(r[2]).isNotNull();
                });
        assertThat(outbox.forTopic("CAMPAIGN:" + campaign)).filteredOn(m -> mine.contains(m.customerId()))
                .as("one invitation each to the 165 invited").hasSize(165);

        // ten of the invited answer
        var answered = new HashSet<String>();
        var channel = Api.at(port).as(Groups.CHANNEL_SYSTEMS);
        int[] scores = {1, 2, 3, 4, 5, 5, 4, 4, 2, 5};
        for (var id : mine) {
            if (answered.size() == scores.length) break;
            var row = invitations.get(id);
            if (!row[1].equals("INVITED")) continue;
            var score = scores[answered.size()];
            var answer = channel.post("/api/v1/campaigns/" + campaign + "/responses", """
                    {"replyCode":"%s","answers":[{"question":1,"score":%d},{"question":2,"score":3},
                     {"question":3,"text":"Earlier notice of outages"}]}""".formatted(row[2], score));
            assertThat(answer.status()).as(answer.body()).isEqualTo(202);
            answered.add(id);
        }
        var twice = channel.post("/api/v1/campaigns/" + campaign + "/responses", """
                {"replyCode":"%s","answers":[{"question":1,"score":5}]}""".formatted(invitations.get(answered.iterator().next())[2]));
        assertThat(twice.status()).isEqualTo(409);
        var badScore = channel.post("/api/v1/campaigns/" + campaign + "/responses", """
                {"replyCode":"%s","answers":[{"question":1,"score":9}]}""".formatted(
                        mine.stream().map(invitations::get).filter(r -> r[1].equals("INVITED") && !answered.contains(r[0]))
                                .findFirst().orElseThrow()[2]));
        assertThat(badScore.status()).isEqualTo(400);
        assertThat(badScore.body()).contains("answers[0].score");

        var results = manager.get("/api/v1/campaigns/" + campaign + "/results");
        assertThat(results.status()).as(results.body()).isEqualTo(200);
        var body = results.json();
        assertThat(body.path("answered").asInt()).isEqualTo(10);
        var q1 = body.path("questions").get(0);
        assertThat(q1.path("answers").asInt()).isEqualTo(10);
        assertThat(q1.path("average").asDouble()).isEqualTo(3.5);
        assertThat(q1.path("distribution").path("5").asInt()).isEqualTo(3);
        assertThat(q1.path("distribution").path("1").asInt()).isEqualTo(1);
        assertThat(q1.path("bySegment").path("GREEN").path("answers").asInt()).isEqualTo(10);
        assertThat(body.path("questions").get(1).path("average").asDouble()).isEqualTo(3.0);
        assertThat(body.path("questions").get(2).path("texts").size()).isEqualTo(10);
    }

    @Test
    void aCampaignNeedsAQuestionnaireAndAWindow() {
        testData.users();
        var manager = Api.at(port).as(Groups.SURVEY_TEAM);
        var noQuestions = manager.post("/api/v1/campaigns", """
                {"nameEn":"x","nameZh":"x","target":{"sampleSize":5},"opensAt":"2026-11-01T00:00:00+08:00",
                 "closesAt":"2026-11-30T00:00:00+08:00","questions":[]}""");
        assertThat(noQuestions.status()).isEqualTo(400);
        assertThat(noQuestions.body()).contains("questions");
        var backwards = manager.post("/api/v1/campaigns", """
                {"nameEn":"x","nameZh":"x","target":{"sampleSize":5},"opensAt":"2026-11-30T00:00:00+08:00",
                 "closesAt":"2026-11-01T00:00:00+08:00","questions":[{"kind":"SCALE","textEn":"a","textZh":"b"}]}""");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("closesAt");
        assertThat(manager.get("/api/v1/campaigns/CPG-1999-0001/results").status()).isEqualTo(404);
        assertThat(Api.at(port).as(Groups.CHANNEL_SYSTEMS).post("/api/v1/campaigns/CPG-1999-0001/responses",
                "{\"replyCode\":\"ABCDEFGH\",\"answers\":[{\"question\":1,\"score\":3}]}").status()).isEqualTo(404);
    }
}
