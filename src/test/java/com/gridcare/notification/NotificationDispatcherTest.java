package com.gridcare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.customer.Area;
import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.CustomerMasterData;
import com.gridcare.consent.Consents;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.customer.CustomerService;
import com.gridcare.customer.PreferredChannel;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestCases;
import com.gridcare.testsupport.TestData;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivery by the dispatcher through real senders: an HTTP gateway on loopback (JDK HttpServer)
 * and an SMTP server (GreenMail). Engine clock, no sleeps.
 */
@GridCareTest
@ExtendWith(OutputCaptureExtension.class)
class NotificationDispatcherTest {

    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-10-12T09:00:00+08:00");

    @Autowired
    ApplicationContext context;
    @Autowired
    TestData testData;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    OutboxStore store;
    @Autowired
    NotificationMetrics metrics;
    @Autowired
    MeterRegistry registry;
    @Autowired
    CustomerRepository customers;
    @Autowired
    Consents consents;
    @Autowired
    CustomerService customerService;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcClient jdbc;

    TestCases testCases;
    TestGateway gateway;
    ExecutorService threads;

    @BeforeEach
    void setUp() throws Exception {
        testCases = new TestCases(context);
        gateway = new TestGateway();
        threads = Executors.newSingleThreadExecutor();
        ClockUtil.setCurrentTime(Date.from(T0.toInstant()));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        gateway.close();
        threads.shutdownNow();
    }

    private NotificationDispatcher dispatcher(String node, NotificationSender sender, List<Duration> retryDelays) {
        Map<PreferredChannel, String> all = Arrays.stream(PreferredChannel.values())
                .collect(Collectors.toMap(Function.identity(), c -> sender.name()));
        return new NotificationDispatcher(store, customers, new NotificationSenders(List.of(sender), all), consents,
                metrics, transactions, clock, 10, Duration.ofMinutes(2), retryDelays, node);
    }

    private HttpGatewaySender sms() {
        return HttpGatewaySender.sms(new NotificationProperties.Gateway(gateway.url(), "sms-secret",
                Duration.ofSeconds(10)), json);
    }

    private String customer(PreferredChannel channel, String phone, String email) {
        var id = TestData.uniqueId("NTF");
        customerService.save(id, new CustomerMasterData("Notified customer " + id, CustomerClass.RESIDENTIAL,
                new BigDecimal("0.22"), new BigDecimal("8"), LocalDate.of(2020, 1, 1), null, false, false, false,
                Area.URBAN, channel, phone, email, null));
        return id;
    }

    /** Queues a closing-feedback style message for a new case of the customer; @return the outbox id. */
    private String queue(String customerId) {
        var caseId = testCases.caseWithoutProcess(customerId);
        transactions.executeWithoutResult(tx -> outbox.enqueue(caseId, NotificationTemplate.REQUEST_RECEIVED, "1",
                Map.of("dueAt", T0.plusDays(5))));
        return outbox.forCase(caseId).get(0).id();
    }

    private QueuedNotification row(String outboxId) {
        var caseId = jdbc.sql("SELECT case_id FROM notification_outbox WHERE id = ?").param(outboxId)
                .query(String.class).single();
        return outbox.forCase(caseId).stream().filter(n -> n.id().equals(outboxId)).findFirst().orElseThrow();
    }

    private double counter(String name, String channel, String sender) {
        var meter = registry.find(name).tag("channel", channel).tag("sender", sender).counter();
        return meter == null ? 0 : meter.count();
    }

    @Test
    void shouldSendBySmsWithTheOutboxIdAsIdempotencyKey() {
        var id = queue(customer(PreferredChannel.SMS, "139 1234 5678", null));
        double sentBefore = counter("gridcare.notifications.sent", "SMS", "sms");

        assertThat(dispatcher("node-A", sms(), List.of()).dispatch(id)).isEqualTo(NotificationDispatcher.Outcome.SENT);

        assertThat(gateway.requests).hasSize(1);
        var request = gateway.requests.get(0);
        assertThat(request.idempotencyKey()).isEqualTo(id);
        assertThat(request.authorization()).isEqualTo("Bearer sms-secret");
        assertThat(request.contentType()).startsWith("application/json");
        assertThat(request.body().path("id").asText()).isEqualTo(id);
        assertThat(request.body().path("to").asText()).isEqualTo("139 1234 5678");
        assertThat(request.body().path("text").asText()).contains("业务申请已受理").contains("Request received");
        var sent = row(id);
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.sender()).isEqualTo("sms");
        assertThat(sent.sentAt()).isAtSameInstantAs(T0);
        assertThat(counter("gridcare.notifications.sent", "SMS", "sms")).isEqualTo(sentBefore + 1);
    }

    @Test
    void shouldSendByWeChatToTheCustomersAccount() {
        var customerId = customer(PreferredChannel.WECHAT, null, null);
        var id = queue(customerId);
        var wechat = HttpGatewaySender.wechat(new NotificationProperties.Gateway(gateway.url(), null,
                Duration.ofSeconds(10)), json);

        assertThat(dispatcher("node-A", wechat, List.of()).dispatch(id)).isEqualTo(NotificationDispatcher.Outcome.SENT);

        var request = gateway.requests.get(0);
        assertThat(request.idempotencyKey()).isEqualTo(id);
        assertThat(request.authorization()).isNull();
        assertThat(request.body().path("customerId").asText()).isEqualTo(customerId);
        assertThat(request.body().path("title").asText()).startsWith("业务申请已受理");
        assertThat(row(id).channel()).isEqualTo(PreferredChannel.WECHAT);
    }

    @Test
    void shouldSendAnEmailWithTheOutboxIdAsMessageId() throws Exception {
        var mailServer = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        mailServer.start();
        try {
            var mail = new JavaMailSenderImpl();
            mail.setHost("127.0.0.1");
            mail.setPort(mailServer.getSmtp().getPort());
            var email = new EmailSender(mail, "GridCare <noreply@gridcare.example>");
            var id = queue(customer(PreferredChannel.EMAIL, null, "li.wei@example.com"));

            assertThat(dispatcher("node-A", email, List.of()).dispatch(id))
                    .isEqualTo(NotificationDispatcher.Outcome.SENT);

            var received = mailServer.getReceivedMessages();
            assertThat(received).hasSize(1);
            assertThat(received[0].getMessageID()).isEqualTo("<" + id + "@gridcare>");
            assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("li.wei@example.com");
            assertThat(received[0].getSubject()).startsWith("业务申请已受理").contains(" / Request received");
            assertThat(received[0].getContent().toString()).contains("预计于 2026年10月17日 09:00 前办结")
                    .contains("by 17 Oct 2026, 09:00 (Beijing time)");
            assertThat(row(id).sender()).isEqualTo("email");
        } finally {
            mailServer.stop();
        }
    }

    @Test
    void shouldTryAgainAfterEachRetryDelayAndGiveUpAfterTheLast() {
        var id = queue(customer(PreferredChannel.SMS, "13912345678", null));
        var dispatcher = dispatcher("node-A", sms(), List.of(Duration.ofSeconds(30), Duration.ofMinutes(2)));
        var failedGauge = registry.get("gridcare.notifications.failed").gauge();
        var pendingGauge = registry.get("gridcare.notifications.pending").gauge();
        double failedBefore = failedGauge.value();
        double pendingBefore = pendingGauge.value();
        gateway.answerWith(503, 500, 502);

        assertThat(dispatcher.dispatch(id)).isEqualTo(NotificationDispatcher.Outcome.RETRY);
        var afterFirst = row(id);
        assertThat(afterFirst.attempts()).isEqualTo(1);
        assertThat(afterFirst.nextAttemptAt()).isAtSameInstantAs(T0.plusSeconds(30));
        assertThat(afterFirst.lastError()).contains("503");
        assertThat(dispatcher.dispatch(id)).as("not due yet").isEqualTo(NotificationDispatcher.Outcome.NOT_OURS);

        ClockUtil.setCurrentTime(Date.from(T0.plusSeconds(30).toInstant()));
        assertThat(dispatcher.dispatch(id)).isEqualTo(NotificationDispatcher.Outcome.RETRY);
        assertThat(row(id).nextAttemptAt()).isAtSameInstantAs(T0.plusSeconds(30).plusMinutes(2));

        ClockUtil.setCurrentTime(Date.from(T0.plusMinutes(3).toInstant()));
        assertThat(dispatcher.dispatch(id)).isEqualTo(NotificationDispatcher.Outcome.FAILED);
        var failed = row(id);
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.attempts()).isEqualTo(3);
        assertThat(failed.lastError()).contains("502");
        assertThat(gateway.requests).hasSize(3).extracting(TestGateway.Request::idempotencyKey).containsOnly(id);
        assertThat(gateway.delivered).isEmpty();
        assertThat(failedGauge.value()).isEqualTo(failedBefore + 1);
        assertThat(pendingGauge.value()).isEqualTo(pendingBefore - 1);
    }

    @Test
    void shouldGiveUpAtOnceWhenTheGatewayRefusesTheMessage() {
        var id = queue(customer(PreferredChannel.SMS, "13912345678", null));
        gateway.answerWith(400);

        assertThat(dispatcher("node-A", sms(), List.of(Duration.ofSeconds(30))).dispatch(id))
                .isEqualTo(NotificationDispatcher.Outcome.FAILED);

        assertThat(row(id).status()).isEqualTo("FAILED");
        assertThat(row(id).lastError()).contains("400");
    }

    @Test
    void shouldGiveUpAtOnceWhenTheCustomerHasNoAddressForTheChannel() {
        var id = queue(customer(PreferredChannel.SMS, null, "no.phone@example.com"));

        assertThat(dispatcher("node-A", sms(), List.of(Duration.ofSeconds(30))).dispatch(id))
                .isEqualTo(NotificationDispatcher.Outcome.FAILED);

        assertThat(row(id).lastError()).contains("has no phone number");
        assertThat(gateway.requests).isEmpty();
    }

    @Test
    void shouldNotSendAMessageWhileAnotherNodeHoldsItsLease() {
        var id = queue(customer(PreferredChannel.SMS, "13912345678", null));
        var nodeA = dispatcher("node-A", sms(), List.of());
        var nodeB = dispatcher("node-B", sms(), List.of());

        var claim = nodeA.claim(id).orElseThrow();
        assertThat(nodeB.dispatch(id)).isEqualTo(NotificationDispatcher.Outcome.NOT_OURS);
        assertThat(gateway.requests).noneMatch(r -> id.equals(r.idempotencyKey()));

        assertThat(nodeA.deliver(claim)).isEqualTo(NotificationDispatcher.Outcome.SENT);
        assertThat(gateway.requests).filteredOn(r -> id.equals(r.idempotencyKey())).hasSize(1);
    }

    @Test
    void shouldReachTheCustomerOnceWhenADeliveryOutlivesItsLease() throws Exception {
        var id = queue(customer(PreferredChannel.SMS, "13912345678", null));
        var nodeA = dispatcher("node-A", sms(), List.of());
        var nodeB = dispatcher("node-B", sms(), List.of());
        var release = new CountDownLatch(1);
        gateway.holdNextUntil(release);

        var claimA = nodeA.claim(id).orElseThrow();
        var deliveryA = threads.submit(() -> nodeA.deliver(claimA));
        assertThat(gateway.firstArrived.await(30, TimeUnit.SECONDS)).as("node A's call reached the gateway").isTrue();

        ClockUtil.setCurrentTime(Date.from(T0.plusMinutes(3).toInstant()));
        assertThat(nodeB.dispatch(id)).as("node B takes over the expired lease").isEqualTo(
                NotificationDispatcher.Outcome.SENT);
        release.countDown();

        assertThat(deliveryA.get(30, TimeUnit.SECONDS)).isEqualTo(NotificationDispatcher.Outcome.ALREADY_SENT);
        assertThat(gateway.requests).hasSize(2).extracting(TestGateway.Request::idempotencyKey).containsOnly(id);
        assertThat(gateway.delivered).as("the customer got the message once").containsOnlyKeys(id);
        var sent = row(id);
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.sentAt()).isAtSameInstantAs(T0.plusMinutes(3));
    }

    @Test
    void shouldLogMessagesWithMaskedContactData(CapturedOutput output) {
        var id = queue(customer(PreferredChannel.SMS, "13800138000", null));

        assertThat(dispatcher("node-A", new LogSender(), List.of()).dispatch(id))
                .isEqualTo(NotificationDispatcher.Outcome.SENT);

        assertThat(output.getOut()).contains("notification " + id).contains("to 138****8000")
                .doesNotContain("13800138000");
        assertThat(row(id).sender()).isEqualTo("log");
    }

    @Test
    void shouldRefuseToStartWhenAChannelsSenderIsNotAvailable() {
        var configured = Map.of(PreferredChannel.EMAIL, "email");

        assertThatThrownBy(() -> new NotificationSenders(List.of(new LogSender()),
                        configured))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gridcare.notification.senders.EMAIL=email");
    }

}
