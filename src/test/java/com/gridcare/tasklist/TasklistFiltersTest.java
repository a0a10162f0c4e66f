package com.gridcare.tasklist;

import com.gridcare.kernel.process.CaseVariables;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@GridCareTest
class TasklistFiltersTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    FilterService filters;
    @Autowired
    IdentityService identity;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TasklistFilters tasklistFilters;
    @Autowired
    TaskService tasks;

    @BeforeEach
    void setUp() {
        testData.users();
    }

    @AfterEach
    void logOut() {
        identity.clearAuthentication();
    }

    private String complaint(String customerId, String category) {
        var answer = Api.at(port).as(Groups.CHANNEL_SYSTEMS).post("/api/v1/complaints", """
                {"customerId": "%s", "channel": "WEB", "category": "%s", "description": "Rude staff at the counter."}"""
                .formatted(customerId, category));
        assertThat(answer.status()).isEqualTo(201);
        return answer.json().path("caseId").asText();
    }

    /**
     * The case numbers, among the cases given, of the tasks the filter shows to the test user of the group. Narrowed
     * to those cases: the filters sort by due date, and a first page of all the tasks the tests have left need not
     * reach the newest.
     */
    private List<String> casesIn(String filterName, String group, String... caseIds) {
        var filter = filters.createFilterQuery().filterName(filterName).singleResult();
        var theseCases = tasks.createTaskQuery().processInstanceIdIn(
                Arrays.stream(caseIds).map(this::processInstanceOf).toArray(String[]::new));
        identity.setAuthentication(TestData.user(group), List.of(group));
        List<Task> tasks = filters.listPage(filter.getId(), theseCases, 0, 1000);
        identity.clearAuthentication();
        return tasks.stream().map(task -> runtime.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey()).toList();
    }

    @Test
    void keyAccountsShowsTheGroupsTasksForKeyAndStrategicCustomersOnly() {
        var strategic = complaint(testData.strategic(), "SERVICE_CONDUCT");
        var residential = complaint(testData.residential(), "SERVICE_CONDUCT");

        assertThat(casesIn(TasklistFilters.KEY_ACCOUNTS, Groups.SUPERVISORS, strategic, residential))
                .contains(strategic).doesNotContain(residential);
        assertThat(casesIn(TasklistFilters.MY_GROUPS_TASKS, Groups.SUPERVISORS, strategic, residential))
                .contains(strategic, residential);
        assertThat(casesIn(TasklistFilters.KEY_ACCOUNTS, Groups.CUSTOMER_SERVICE, strategic)).doesNotContain(strategic);
    }

    private String processInstanceOf(String caseId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseId).singleResult().getId();
    }

    @Test
    void escalatedRegulatoryRiskAndWaitingShowTheCasesTheProcessMarked() {
        var escalated = complaint(testData.residential(), "SERVICE_CONDUCT");
        var atRisk = complaint(testData.residential(), "SERVICE_CONDUCT");
        var waiting = complaint(testData.residential(), "SERVICE_CONDUCT");
        var ordinary = complaint(testData.residential(), "SERVICE_CONDUCT");
        runtime.setVariable(processInstanceOf(escalated), CaseVariables.ESCALATED, true);
        runtime.setVariable(processInstanceOf(atRisk), CaseVariables.ESCALATED, true);
        runtime.setVariable(processInstanceOf(atRisk), CaseVariables.REGULATORY_RISK, true);
        runtime.setVariable(processInstanceOf(waiting), CaseVariables.WAITING_FOR_CUSTOMER, true);
        runtime.setVariable(processInstanceOf(ordinary), CaseVariables.ESCALATED, false);
        var all = new String[] {escalated, atRisk, waiting, ordinary};

        assertThat(casesIn(TasklistFilters.ESCALATED_CASES, Groups.SUPERVISORS, all))
                .contains(escalated, atRisk).doesNotContain(waiting, ordinary);
        assertThat(casesIn(TasklistFilters.REGULATORY_RISK_CASES, Groups.SUPERVISORS, all))
                .contains(atRisk).doesNotContain(escalated, waiting, ordinary);
        assertThat(casesIn(TasklistFilters.WAITING, Groups.SUPERVISORS, all))
                .contains(waiting).doesNotContain(escalated, atRisk, ordinary);
        assertThat(casesIn(TasklistFilters.ESCALATED_CASES, Groups.BILLING, all)).doesNotContain(escalated, atRisk);
    }

    /** The card values Tasklist shows for each task of the filter in the process instance, as the group's user sees them. */
    private Map<String, Map<String, String>> cards(String filterName, String group, String processInstanceId) {
        var filter = filters.createFilterQuery().filterName(filterName).singleResult();
        var answer = Api.at(port).as(group).post("/engine-rest/filter/" + filter.getId()
                + "/list?firstResult=0&maxResults=100", """
                {"processInstanceId": "%s"}""".formatted(processInstanceId), "Accept", "application/hal+json");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var cards = new HashMap<String, Map<String, String>>();
        answer.json().path("_embedded").path("task").forEach(task -> {
            var values = new HashMap<String, String>();
            task.path("_embedded").path("variable").forEach(v -> values.put(v.path("name").asText(),
                    v.path("value").asText()));
            cards.put(task.path("id").asText(), values);
        });
        return cards;
    }

    @Test
    void taskCardsShowCaseCustomerCategoryAndTierComputedFromTheCaseWithoutStoringThem() {
        var customer = testData.strategic();
        var caseId = complaint(customer, "SERVICE_CONDUCT");
        var task = tasks.createTaskQuery().processInstanceId(processInstanceOf(caseId)).singleResult();

        var card = cards(TasklistFilters.MY_GROUPS_TASKS, Groups.SUPERVISORS, task.getProcessInstanceId())
                .get(task.getId());

        assertThat(card).as("card of %s", caseId).containsEntry("caseId", caseId)
                .containsEntry("customerName", "Test customer " + customer).containsEntry("category", "SERVICE_CONDUCT")
                .containsEntry("tier", "STRATEGIC");
        assertThat(tasks.getVariablesLocal(task.getId())).as("nothing copied onto the task").isEmpty();
        assertThat(cards(TasklistFilters.MY_GROUPS_TASKS, Groups.BILLING, task.getProcessInstanceId()))
                .as("another group's inbox")
                .doesNotContainKey(task.getId());
        // a variable query for the card names by the task's id, as another group: nothing
        var other = Api.at(port).as(Groups.BILLING).get("/engine-rest/variable-instance?variableScopeIdIn="
                + task.getId() + "&variableName=customerName&firstResult=0&maxResults=100");
        assertThat(other.status()).as(other.body()).isEqualTo(200);
        assertThat(other.json().size()).isZero();
    }

    @Test
    void dueTodayCountsTheDayInShanghaiWhateverTheServersTimeZone() {
        // 17:00 UTC on the 26th is 01:00 on the 27th in Shanghai: "today" is the 27th.
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-11-26T17:00:00Z")));
        try {
            var dueToday = complaint(testData.residential(), "SERVICE_CONDUCT");
            var dueYesterday = complaint(testData.residential(), "SERVICE_CONDUCT");
            var dueTomorrow = complaint(testData.residential(), "SERVICE_CONDUCT");
            dueOn(dueToday, "2026-11-27T23:30:00+08:00");
            dueOn(dueYesterday, "2026-11-26T23:30:00+08:00");
            dueOn(dueTomorrow, "2026-11-28T00:30:00+08:00");

            assertThat(casesIn(TasklistFilters.DUE_TODAY, Groups.SUPERVISORS, dueToday, dueYesterday, dueTomorrow))
                    .contains(dueToday).doesNotContain(dueYesterday, dueTomorrow);
        } finally {
            ClockUtil.reset();
        }
    }

    private void dueOn(String caseId, String due) {
        for (var task : tasks.createTaskQuery().processInstanceBusinessKey(caseId).list()) {
            task.setDueDate(Date.from(OffsetDateTime.parse(due).toInstant()));
            tasks.saveTask(task);
        }
    }

    @Test
    void everyFilterHasAnEnglishAndAChineseName() {
        assertThat(List.of(TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUPS_TASKS, TasklistFilters.DUE_TODAY,
                TasklistFilters.OVERDUE, TasklistFilters.KEY_ACCOUNTS, TasklistFilters.ESCALATED_CASES,
                TasklistFilters.REGULATORY_RISK_CASES, TasklistFilters.WAITING))
                .allSatisfy(name -> {
                    assertThat(name).matches("[A-Za-z' ]+ / \\p{IsHan}+");
                    assertThat(filters.createFilterQuery().filterName(name).count()).isEqualTo(1);
                });
    }

    @Test
    void renamesAFilterFromBeforeTheNamesWereBilingualKeepingItsEdits() {
        var current = filters.createFilterQuery().filterName(TasklistFilters.OVERDUE).singleResult();
        filters.deleteFilter(current.getId());
        var legacy = filters.newTaskFilter("Overdue").setOwner("admin").setQuery(current.getQuery())
                .setProperties(java.util.Map.of("description", "edited by an administrator", "priority", 5));
        filters.saveFilter(legacy);
        try {
            tasklistFilters.afterSingletonsInstantiated();

            assertThat(filters.createFilterQuery().filterName("Overdue").count()).isZero();
            var renamed = filters.createFilterQuery().filterName(TasklistFilters.OVERDUE).singleResult();
            assertThat(renamed.getId()).isEqualTo(legacy.getId());
            assertThat(renamed.getProperties()).containsEntry("description", "edited by an administrator");
        } finally {
            filters.deleteFilter(legacy.getId());
            tasklistFilters.afterSingletonsInstantiated();
        }
    }
}
