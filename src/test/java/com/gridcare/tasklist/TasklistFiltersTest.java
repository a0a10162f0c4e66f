package com.gridcare.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.security.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.util.List;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
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

    /** The case numbers of the tasks the filter shows to the test user of the group. */
    private List<String> casesIn(String filterName, String group) {
        var filter = filters.createFilterQuery().filterName(filterName).singleResult();
        identity.setAuthentication(TestData.user(group), List.of(group));
        List<Task> tasks = filters.listPage(filter.getId(), 0, 1000);
        identity.clearAuthentication();
        return tasks.stream().map(task -> runtime.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey()).toList();
    }

    @Test
    void keyAccountsShowsTheGroupsTasksForKeyAndStrategicCustomersOnly() {
        var strategic = complaint(testData.strategic(), "SERVICE_CONDUCT");
        var residential = complaint(testData.residential(), "SERVICE_CONDUCT");

        assertThat(casesIn(TasklistFilters.KEY_ACCOUNTS, Groups.SUPERVISORS)).contains(strategic).doesNotContain(residential);
        assertThat(casesIn(TasklistFilters.MY_GROUPS_TASKS, Groups.SUPERVISORS)).contains(strategic, residential);
        assertThat(casesIn(TasklistFilters.KEY_ACCOUNTS, Groups.CUSTOMER_SERVICE)).doesNotContain(strategic);
    }

    @Test
    void everyFilterHasAnEnglishAndAChineseName() {
        assertThat(List.of(TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUPS_TASKS, TasklistFilters.DUE_TODAY,
                TasklistFilters.OVERDUE, TasklistFilters.KEY_ACCOUNTS))
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
