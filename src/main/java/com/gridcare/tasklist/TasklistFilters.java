package com.gridcare.tasklist;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters every member of staff starts with. Created when missing; a filter
 * an administrator edited in Tasklist keeps its edits.
 */
@Component
class TasklistFilters implements SmartInitializingSingleton {

    /** Columns staff need, shown from task variables. */
    static final List<Map<String, String>> VARIABLES = List.of(
            Map.of("name", "caseId", "label", "Case / 工单"),
            Map.of("name", "customerName", "label", "Customer / 客户"),
            Map.of("name", "category", "label", "Category / 类别"),
            Map.of("name", "tier", "label", "Tier / 等级"));

    private final FilterService filters;
    private final TaskService tasks;

    TasklistFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    @Override
    public void afterSingletonsInstantiated() {
        create("My tasks", "Tasks assigned to me / 我的任务", -10,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        create("My groups' tasks", "Unassigned tasks of my groups / 我所在组的任务", -5,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").taskUnassigned());
        create("Due today", "Tasks of my groups due today / 今日到期", 0,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(1)}")
                        .dueAfterExpression("${dateTime().withTimeAtStartOfDay()}"));
        create("Overdue", "Tasks of my groups past their due date / 已逾期", 5,
                tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks().dueBeforeExpression("${now()}"));
    }

    private void create(String name, String description, int priority, Query<?, ?> query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        var taskQuery = (TaskQuery) query;
        taskQuery.orderByDueDate().asc().orderByTaskPriority().desc();
        var filter = filters.newTaskFilter(name)
                .setOwner("admin")
                .setQuery(taskQuery)
                .setProperties(Map.of("description", description, "priority", priority, "color", "#3e4d2f",
                        "refresh", true, "variables", VARIABLES));
        filters.saveFilter(filter);
    }
}
