package com.gridcare.accountreview;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.cases.CaseSteps;
import com.gridcare.cases.StepKind;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The quarterly timer starts a review with one account-review task for key-accounts per STRATEGIC and KEY customer. */
@GridCareTest
class KeyAccountReviewTest {

    @Autowired
    TestData testData;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseSteps steps;
    @Autowired
    IdentityService identity;


    @Test
    void theQuarterlyTimerCreatesAReviewTaskForEveryStrategicAndKeyCustomer() {
        var strategic = testData.strategic();
        var anotherStrategic = testData.strategic();
        var residential = testData.residential();
        var timer = management.createJobQuery().processDefinitionKey("key-account-review").timers().singleResult();
        assertThat(timer).as("the quarterly start timer").isNotNull();
        var due = timer.getDuedate().toInstant().atZone(ZoneId.systemDefault());
        assertThat(due.getDayOfMonth()).isEqualTo(1);
        assertThat(due.getMonthValue() % 3).as("January, April, July or October").isEqualTo(1);
        assertThat(due.toInstant()).isAfter(Instant.now());

        management.executeJob(timer.getId());
        var instance = runtime.createProcessInstanceQuery().processDefinitionKey("key-account-review")
                .orderByProcessInstanceId().desc().list().stream()
                .filter(i -> management.createJobQuery().processInstanceId(i.getId()).count() > 0).findFirst()
                .orElseThrow();
        management.executeJob(management.createJobQuery().processInstanceId(instance.getId()).singleResult().getId());

        var keyAccounts = jdbc.sql("SELECT id FROM customer WHERE tier IN ('STRATEGIC', 'KEY')").query(String.class)
                .list();
        var reviews = tasks.createTaskQuery().processInstanceId(instance.getId()).list();
        assertThat(keyAccounts).contains(strategic, anotherStrategic).doesNotContain(residential);
        assertThat(reviews).hasSize(keyAccounts.size());
        assertThat(reviews).allSatisfy(t -> {
            assertThat(t.getTaskDefinitionKey()).isEqualTo("Task_ReviewAccount");
            assertThat(tasks.getIdentityLinksForTask(t.getId())).anySatisfy(
                    l -> assertThat(l.getGroupId()).isEqualTo(Groups.KEY_ACCOUNTS));
            assertThat(t.getDueDate()).isNotNull();
        });
        assertThat(reviews).extracting(t -> (String) tasks.getVariable(t.getId(), "customerId"))
                .containsExactlyInAnyOrderElementsOf(keyAccounts);
        assertThat((String) runtime.getVariable(instance.getId(), "reviewQuarter")).matches("\\d{4}-Q[1-4]");
        assertThat(management.createJobQuery().processDefinitionKey("key-account-review").timers().count())
                .as("the next quarter's timer").isEqualTo(1);

        // the review's notes are kept in the record of the customer (a review is no case)
        var review = reviews.stream().filter(t -> strategic.equals(tasks.getVariable(t.getId(), "customerId")))
                .findFirst().orElseThrow();
        identity.setAuthentication(TestData.user(Groups.KEY_ACCOUNTS), List.of(Groups.KEY_ACCOUNTS));
        try {
            tasks.complete(review.getId(), Map.of("reviewMet", true, "reviewNotes", "Supply plan for the new line agreed.",
                    "nextSteps", "Quote for a second feeder by March."));
        } finally {
            identity.clearAuthentication();
        }
        assertThat(steps.withoutCase(strategic)).filteredOn(s -> s.kind() == StepKind.ACCOUNT_REVIEW).singleElement()
                .satisfies(step -> {
                    assertThat(step.outcome()).isEqualTo("MET");
                    assertThat(step.actor()).isEqualTo(TestData.user(Groups.KEY_ACCOUNTS));
                    assertThat(step.actorGroup()).isEqualTo(Groups.KEY_ACCOUNTS);
                    assertThat(step.text("reviewNotes")).isEqualTo("Supply plan for the new line agreed.");
                    assertThat(step.caseId()).isNull();
                });
        // the second strategic customer's review is still open: the process runs, without the review's values
        assertThat(runtime.getVariables(instance.getId())).doesNotContainKeys("reviewNotes", "nextSteps", "reviewMet");
    }
}
