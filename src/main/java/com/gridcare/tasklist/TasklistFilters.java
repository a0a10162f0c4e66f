package com.gridcare.tasklist;

import static com.gridcare.kernel.process.CaseVariables.ESCALATED;
import static com.gridcare.kernel.process.CaseVariables.REGULATORY_RISK;
import static com.gridcare.kernel.process.CaseVariables.TIER;
import static com.gridcare.kernel.process.CaseVariables.WAITING_FOR_CUSTOMER;

import com.gridcare.customer.Tier;
import com.gridcare.security.GroupPermissions;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The shared Tasklist filters every member of staff starts with. Created when missing; a filter
 * an administrator edited in Tasklist keeps its edits. Filter names are data, not webapp labels, so
 * they are bilingual like the forms ("English / 中文"): staff read them in either language.
 */
@Component
class TasklistFilters implements SmartInitializingSingleton {

    /** Columns staff need, shown from task variables. */
    static final List<Map<String, String>> VARIABLES = List.of(
            Map.of("name", "caseId", "label", "Case / 工单"),
            Map.of("name", "customerName", "label", "Customer / 客户"),
            Map.of("name", "category", "label", "Category / 类别"),
            Map.of("name", "tier", "label", "Tier / 等级"));

    static final String MY_TASKS = "My tasks / 我的任务";
    static final String MY_GROUPS_TASKS = "My groups' tasks / 本组任务";
    static final String DUE_TODAY = "Due today / 今日到期";
    static final String OVERDUE = "Overdue / 已逾期";
    static final String KEY_ACCOUNTS = "Key accounts / 大客户";
    static final String ESCALATED_CASES = "Escalated / 已升级";
    static final String REGULATORY_RISK_CASES = "Regulatory risk / 监管风险";
    static final String WAITING = "Waiting for customer / 等待客户";
    static final String TEAM_VIEW = "Team view / 团队任务";

    private final FilterService filters;
    private final TaskService tasks;

    TasklistFilters(FilterService filters, TaskService tasks) {
        this.filters = filters;
        this.tasks = tasks;
    }

    @Override
    public void afterSingletonsInstantiated() {
        ensure(MY_TASKS, "My tasks", "Tasks assigned to me / 指派给我的任务", -10,
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
        ensure(MY_GROUPS_TASKS, "My groups' tasks", "Unassigned tasks of my groups / 本组尚未认领的任务", -5,
                myGroups().taskUnassigned());
        ensure(DUE_TODAY, "Due today", "Tasks of my groups due today / 本组今天到期的任务", 0,
                myGroups().includeAssignedTasks().dueBeforeExpression("${" + WorkingDayFunctions.START_OF_DAY + "(1)}")
                        .dueAfterExpression("${" + WorkingDayFunctions.START_OF_DAY + "(0)}"));
        ensure(OVERDUE, "Overdue", "Tasks of my groups past their due date / 本组已过到期日的任务", 5,
                myGroups().includeAssignedTasks().dueBeforeExpression("${now()}"));
        ensure(KEY_ACCOUNTS, null, "Tasks of my groups for KEY and STRATEGIC customers / 本组重点和战略客户的任务", 10,
                myGroups().includeAssignedTasks()
                        .or()
                        .processVariableValueEquals(TIER, Tier.KEY.name())
                        .processVariableValueEquals(TIER, Tier.STRATEGIC.name())
                        .endOr());
        ensure(ESCALATED_CASES, null, "Tasks of my groups on escalated cases / 本组已升级工单的任务", 15,
                myGroups().includeAssignedTasks().processVariableValueEquals(ESCALATED, true));
        ensure(REGULATORY_RISK_CASES, null,
                "Tasks of my groups on cases one working day or less from the statutory limit / 本组距监管时限不足一个工作日的工单任务", 20,
                myGroups().includeAssignedTasks().processVariableValueEquals(REGULATORY_RISK, true));
        ensure(WAITING, null, "Tasks of my groups waiting for the customer's reply / 本组等待客户回复的任务", 25,
                myGroups().includeAssignedTasks().processVariableValueEquals(WAITING_FOR_CUSTOMER, true));
        // supervisors see every group's tasks (GroupPermissions) and reassign from here; others see their groups' share
        ensure(TEAM_VIEW, null, "Every open task of the groups supervisors oversee, with who holds it / 主管所辖各组的全部待办任务及处理人",
                30, tasks.createTaskQuery().taskCandidateGroupIn(GroupPermissions.frontLine()).includeAssignedTasks());
    }

    private TaskQuery myGroups() {
        return tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}");
    }

    /**
     * Creates the filter when missing. A filter still carrying its former English-only name (databases
     * from before the names were bilingual) is renamed, keeping whatever else an administrator changed.
     */
    private void ensure(String name, String formerName, String description, int priority, TaskQuery query) {
        if (filters.createFilterQuery().filterName(name).count() > 0) {
            return;
        }
        if (formerName != null) {
            var former = filters.createFilterQuery().filterName(formerName).list();
            if (!former.isEmpty()) {
                for (var filter : former) {
                    filters.saveFilter(filter.setName(name));
                }
                return;
            }
        }
        query.orderByDueDate().asc().orderByTaskPriority().desc();
        var filter = filters.newTaskFilter(name)
                .setOwner("admin")
                .setQuery(query)
                .setProperties(Map.of("description", description, "priority", priority, "color", "#3e4d2f",
                        "refresh", true, "variables", VARIABLES));
        filters.saveFilter(filter);
    }
}
