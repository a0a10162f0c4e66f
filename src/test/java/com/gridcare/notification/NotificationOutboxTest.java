package com.gridcare.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gridcare.cases.CaseEventType;
import com.gridcare.cases.CaseRecords;
import com.gridcare.customer.PreferredChannel;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestCases;
import com.gridcare.testsupport.TestData;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/** Messages are queued in the step's transaction, once per (case, template, step). */
@GridCareTest
class NotificationOutboxTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    TestData testData;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    CaseRecords records;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TransactionTemplate transactions;

    TestCases testCases;
    ExecutorService threads;

    @BeforeEach
    void setUp() {
        testCases = new TestCases(context);
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    private long acknowledgements(String caseId) {
        return outbox.forCase(caseId).stream().filter(n -> n.template().equals(NotificationTemplate.ACKNOWLEDGEMENT))
                .count();
    }

    @Test
    void shouldQueueTheAcknowledgementOnceWhenItsJobIsRetriedAndWhenTheStepRunsAgain() {
        var opened = testCases.open(testData.residential(), Map.of("failAfterAcknowledgement", true));
        var job = management.createJobQuery().processInstanceId(opened.processInstanceId()).singleResult();

        assertThatThrownBy(() -> management.executeJob(job.getId())).isInstanceOf(Exception.class);
        assertThat(acknowledgements(opened.caseId())).as("the failed attempt rolled back its message").isZero();
        assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(2);

        runtime.setVariable(opened.processInstanceId(), "failAfterAcknowledgement", false);
        management.executeJob(job.getId());
        assertThat(acknowledgements(opened.caseId())).isEqualTo(1);

        // an operator moves the instance back before the acknowledgement: the step runs again
        runtime.createProcessInstanceModification(opened.processInstanceId())
                .startBeforeActivity("Task_Acknowledge").execute();
        var again = management.createJobQuery().processInstanceId(opened.processInstanceId()).activityId(
                "Task_Acknowledge").singleResult();
        management.executeJob(again.getId());

        assertThat(acknowledgements(opened.caseId())).isEqualTo(1);
        assertThat(records.history(opened.caseId(), false)).filteredOn(e -> e.type() == CaseEventType.NOTIFICATION)
                .hasSize(1);
    }

    @Test
    void shouldQueueOnceWhenTwoTransactionsQueueTheSameStepAtOnce() throws Exception {
        var caseId = testCases.caseWithoutProcess(testData.residential());
        var firstInserted = new CountDownLatch(1);
        var secondStarting = new CountDownLatch(1);
        var values = Map.of("replyBy", OffsetDateTime.parse("2026-10-12T10:00:00+08:00"));

        Future<Boolean> first = threads.submit(() -> transactions.execute(tx -> {
            var queued = outbox.enqueue(caseId, NotificationTemplate.ACKNOWLEDGEMENT, "1", values);
            firstInserted.countDown();
            await(secondStarting);
            return queued;
        }));
        Future<Boolean> second = threads.submit(() -> {
            await(firstInserted);
            secondStarting.countDown();
            return transactions.execute(tx -> outbox.enqueue(caseId, NotificationTemplate.ACKNOWLEDGEMENT, "1",
                    values));
        });

        var results = new ArrayList<>(List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS)));
        assertThat(results).containsExactlyInAnyOrder(true, false);
        assertThat(acknowledgements(caseId)).isEqualTo(1);
    }

    @Test
    void shouldQueueEachStepOfATemplateOnce() {
        var caseId = testCases.caseWithoutProcess(testData.residential());
        var values = Map.of("replyBy", "2026-10-20T10:00:00+08:00");

        var queued = transactions.execute(tx -> List.of(
                outbox.enqueue(caseId, NotificationTemplate.CASE_REOPENED, "1", values),
                outbox.enqueue(caseId, NotificationTemplate.CASE_REOPENED, "2", values),
                outbox.enqueue(caseId, NotificationTemplate.CASE_REOPENED, "2", values)));

        assertThat(queued).containsExactly(true, true, false);
        assertThat(outbox.forCase(caseId)).extracting(QueuedNotification::step).containsExactly("1", "2");
    }

    @Test
    void shouldWriteBothLanguagesWithTheCaseNumberAndBeijingTimeOnThePreferredChannel() {
        var customerId = testData.residential();
        var caseId = testCases.caseWithoutProcess(customerId);

        transactions.executeWithoutResult(tx -> outbox.enqueue(caseId, NotificationTemplate.ACKNOWLEDGEMENT, "1",
                Map.of("replyBy", OffsetDateTime.parse("2026-10-12T02:00:00Z"))));

        var message = outbox.forCase(caseId).get(0);
        assertThat(message.channel()).isEqualTo(PreferredChannel.SMS);
        assertThat(message.status()).isEqualTo("PENDING");
        assertThat(message.subject()).isEqualTo("投诉已受理（工单号 %s） / Complaint received (case %s)"
                .formatted(caseId, caseId));
        assertThat(message.body())
                .startsWith("您好！您的投诉已受理，工单号 " + caseId)
                .contains("于 2026年10月12日 10:00 前答复")
                .contains("\n\nThank you. We received your complaint, case number " + caseId)
                .contains("by 12 Oct 2026, 10:00 (Beijing time).")
                .doesNotContain("13800138000");
        assertThat(records.history(caseId, false)).filteredOn(e -> e.type() == CaseEventType.NOTIFICATION)
                .extracting(e -> e.textEn() + " | " + e.textZh())
                .containsExactly("Message to you by text message: Complaint received (case %s) | 已通过短信向您发送消息：投诉已受理（工单号 %s）"
                        .formatted(caseId, caseId));
    }

    @Test
    void shouldRefuseAnUnknownTemplateAndNameAMissingValue() {
        var caseId = testCases.caseWithoutProcess(testData.residential());

        assertThatThrownBy(() -> transactions.executeWithoutResult(tx ->
                outbox.enqueue(caseId, "NO_SUCH_TEMPLATE", "1", Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NO_SUCH_TEMPLATE");
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx ->
                outbox.enqueue(caseId, NotificationTemplate.DOCUMENTS_MISSING, "1", Map.of("documents", "ID card"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[answerBy]");
        assertThat(outbox.forCase(caseId)).isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) throw new IllegalStateException("latch timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
