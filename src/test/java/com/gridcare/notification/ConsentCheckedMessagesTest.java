package com.gridcare.notification;

import com.gridcare.consent.Consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.consent.MessagePurpose;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestCases;
import com.gridcare.testsupport.TestData;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Service messages need no consent; advice and campaigns go out only to customers who opted in on
 * the channel, are withheld when the customer replies "TD" before they are sent, and the customer's
 * consents go with an erasure.
 */
@GridCareTest
class ConsentCheckedMessagesTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestData testData;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    NotificationDispatcher dispatcher;
    @Autowired
    TransactionTemplate transactions;

    private String customerId;
    private String phone;

    @BeforeEach
    void customer() {
        testData.users();
        phone = "136" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        customerId = TestData.uniqueId("CNS");
        var put = Api.at(port).as(Groups.CHANNEL_SYSTEMS).put("/api/v1/customers/" + customerId, """
                {"name":"Consent Test","customerClass":"RESIDENTIAL","supplyVoltageKv":0.22,"contractedCapacityKva":8,
                 "contractStart":"2020-01-01","criticalLoad":false,"priorityCare":false,"greenPreference":false,
                 "area":"URBAN","preferredChannel":"SMS","phone":"%s"}""".formatted(phone));
        assertThat(put.status()).as(put.body()).isEqualTo(201);
    }

    private NotificationOutbox.Queued send(String topic, MessagePurpose purpose) {
        return transactions.execute(tx -> outbox.enqueueToCustomer(customerId, topic, NotificationTemplate.USAGE_REPORT,
                "1", purpose, Map.of("period", "2026-10", "kwh", "312", "changeLastYear", "+4 %",
                        "changeClassMedian", "-8 %", "advice", "Keep it up."), null));
    }

    private String campaign(String topic) {
        return transactions.execute(tx -> outbox.enqueueToCustomer(customerId, topic,
                NotificationTemplate.CAMPAIGN_INVITATION, "1", MessagePurpose.CAMPAIGN, Map.of("campaignName",
                        "Supply reliability 2026", "surveyLink", "https://example.com/s/ABC", "replyCode", "ABC",
                        "answerBy", OffsetDateTime.parse("2026-11-30T18:00:00+08:00")), null)).name();
    }

    @Test
    void aCustomerWithoutMarketingConsentReceivesServiceMessagesButNoAdviceOrCampaign() {
        var caseId = new TestCases(context).caseWithoutProcess(customerId);
        transactions.executeWithoutResult(tx -> outbox.enqueue(caseId, NotificationTemplate.ACKNOWLEDGEMENT, "1",
                Map.of("replyBy", OffsetDateTime.parse("2026-10-12T10:00:00+08:00"))));
        var service = outbox.forCase(caseId);
        assertThat(service).singleElement().satisfies(n -> assertThat(n.purpose()).isEqualTo(MessagePurpose.SERVICE));
        assertThat(dispatcher.dispatch(service.get(0).id())).isEqualTo(NotificationDispatcher.Outcome.SENT);

        var adviceTopic = "TEST-ADVICE:" + customerId;
        var campaignTopic = "TEST-CAMPAIGN:" + customerId;
        assertThat(send(adviceTopic, MessagePurpose.ADVICE)).isEqualTo(NotificationOutbox.Queued.NO_CONSENT);
        assertThat(campaign(campaignTopic)).isEqualTo("NO_CONSENT");
        assertThat(outbox.forTopic(adviceTopic)).isEmpty();
        assertThat(outbox.forTopic(campaignTopic)).isEmpty();
        // a service message of a programme needs none
        assertThat(send("TEST-SERVICE:" + customerId, MessagePurpose.SERVICE)).isEqualTo(NotificationOutbox.Queued.QUEUED);

        // marketing consent on another channel does not count for SMS
        var api = Api.at(port).as(Groups.CHANNEL_SYSTEMS);
        assertThat(api.put("/api/v1/customers/" + customerId + "/consents/WECHAT/MARKETING",
                "{\"granted\":true,\"source\":\"WECHAT_MENU\"}").status()).isEqualTo(200);
        assertThat(campaign(campaignTopic)).isEqualTo("NO_CONSENT");

        var granted = api.put("/api/v1/customers/" + customerId + "/consents/SMS/MARKETING",
                "{\"granted\":true,\"source\":\"APP_SETTINGS\",\"at\":\"2026-03-02T08:30:00+08:00\"}");
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        assertThat(granted.json().path("granted").asBoolean()).isTrue();
        assertThat(granted.json().path("grantedSource").asText()).isEqualTo("APP_SETTINGS");
        assertThat(OffsetDateTime.parse(granted.json().path("grantedAt").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-03-02T08:30:00+08:00").toInstant());
        assertThat(campaign(campaignTopic)).isEqualTo("QUEUED");
        assertThat(campaign(campaignTopic)).as("queued once").isEqualTo("ALREADY_QUEUED");
        assertThat(send(adviceTopic, MessagePurpose.ADVICE)).as("marketing is not advice")
                .isEqualTo(NotificationOutbox.Queued.NO_CONSENT);

        // the customer replies TD to an SMS before the campaign message goes out
        var reply = "{\"channel\":\"SMS\",\"messageId\":\"gw-%s\",\"from\":\"+86 %s\",\"text\":\" td \"}"
                .formatted(customerId, phone);
        var inbound = api.post("/api/v1/inbound-messages", reply);
        assertThat(inbound.status()).as(inbound.body()).isEqualTo(202);
        assertThat(inbound.json().path("action").asText()).isEqualTo("CONSENT_WITHDRAWN");
        assertThat(inbound.json().path("customerIds").toString()).contains(customerId);
        var queued = outbox.forTopic(campaignTopic);
        assertThat(dispatcher.dispatch(queued.get(0).id())).isEqualTo(NotificationDispatcher.Outcome.WITHHELD);
        assertThat(outbox.forTopic(campaignTopic)).singleElement()
                .satisfies(n -> assertThat(n.status()).isEqualTo("WITHHELD"));
        assertThat(campaign("TEST-CAMPAIGN-2:" + customerId)).isEqualTo("NO_CONSENT");

        var consents = api.get("/api/v1/customers/" + customerId + "/consents").json().path("consents");
        assertThat(consents.findValues("channel").toString()).contains("SMS", "WECHAT");
        for (var consent : consents) {
            if (consent.path("channel").asText().equals("SMS")) {
                assertThat(consent.path("granted").asBoolean()).isFalse();
                assertThat(consent.path("withdrawnSource").asText()).isEqualTo("SMS_REPLY");
            } else {
                assertThat(consent.path("granted").asBoolean()).as("a TD by SMS leaves WeChat alone").isTrue();
            }
        }
        // the gateway forwards the same reply again: acts once, same answer
        var again = api.post("/api/v1/inbound-messages", reply);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("action").asText()).isEqualTo("CONSENT_WITHDRAWN");
    }

    @Test
    void badConsentRequestsAreRefusedNamingTheField() {
        var api = Api.at(port).as(Groups.CUSTOMER_SERVICE);
        var path = "/api/v1/customers/" + customerId + "/consents/";
        var noGranted = api.put(path + "SMS/ADVICE", "{\"source\":\"COUNTER_FORM\"}");
        assertThat(noGranted.status()).isEqualTo(400);
        assertThat(noGranted.body()).contains("granted");
        var badChannel = api.put(path + "PIGEON/ADVICE", "{\"granted\":true,\"source\":\"COUNTER_FORM\"}");
        assertThat(badChannel.status()).isEqualTo(400);
        assertThat(badChannel.body()).contains("channel");
        var future = api.put(path + "SMS/ADVICE", "{\"granted\":true,\"source\":\"COUNTER_FORM\",\"at\":\"2099-01-01T00:00:00Z\"}");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body()).contains("at");
        assertThat(api.put("/api/v1/customers/NO-SUCH-CUSTOMER/consents/SMS/ADVICE",
                "{\"granted\":true,\"source\":\"COUNTER_FORM\"}").status()).isEqualTo(404);
        var unknownSender = Api.at(port).as(Groups.CHANNEL_SYSTEMS).post("/api/v1/inbound-messages",
                "{\"channel\":\"SMS\",\"messageId\":\"x-" + customerId + "\",\"from\":\"19999999999\",\"text\":\"TD\"}");
        assertThat(unknownSender.status()).isEqualTo(404);
        assertThat(unknownSender.body()).contains("from");
        var neither = Api.at(port).as(Groups.CHANNEL_SYSTEMS).post("/api/v1/inbound-messages",
                "{\"channel\":\"SMS\",\"messageId\":\"y-" + customerId + "\",\"text\":\"TD\"}");
        assertThat(neither.status()).isEqualTo(400);
    }

    @Test
    void advisedCustomersGetAdviceAndAnErasureRemovesTheirConsents() {
        var api = Api.at(port).as(Groups.KEY_ACCOUNTS);
        assertThat(api.put("/api/v1/customers/" + customerId + "/consents/SMS/ADVICE",
                "{\"granted\":true,\"source\":\"COUNTER_FORM\"}").status()).isEqualTo(200);
        assertThat(send("TEST-ADVICE-OK:" + customerId, MessagePurpose.ADVICE)).isEqualTo(NotificationOutbox.Queued.QUEUED);
        // a second grant changes nothing
        var first = api.get("/api/v1/customers/" + customerId + "/consents").body();
        assertThat(api.put("/api/v1/customers/" + customerId + "/consents/SMS/ADVICE",
                "{\"granted\":true,\"source\":\"ANOTHER_SOURCE\"}").json().path("grantedSource").asText())
                .isEqualTo("COUNTER_FORM");
        assertThat(api.get("/api/v1/customers/" + customerId + "/consents").body()).isEqualTo(first);

        var erased = Api.at(port).as(Groups.ADMINS).post("/api/v1/customers/" + customerId + "/erasure", "{}");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().path("rows").path("customer_consent").asInt()).isPositive();
        assertThat(api.get("/api/v1/customers/" + customerId + "/consents").json().path("consents")).isEmpty();
        assertThat(api.put("/api/v1/customers/" + customerId + "/consents/SMS/ADVICE",
                "{\"granted\":true,\"source\":\"COUNTER_FORM\"}").status()).isEqualTo(409);
    }
}
