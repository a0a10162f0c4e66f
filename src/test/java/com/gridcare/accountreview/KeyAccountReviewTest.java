package com.gridcare.accountreview;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.security.Groups;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.time.Instant;
import java.time.ZoneId;
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

    @Test
    void theQuarterlyTimerCreatesAReviewTaskForEveryStrategicAndKeyCustomer() {
        var strategic = testData.strategic();
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
        assertThat(keyAccounts).contains(strategic).doesNotContain(residential);
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
    }
}
