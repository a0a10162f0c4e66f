package com.gridcare.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.GridCareTest;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A group's inbox follows its tasks' candidate groups as they change — made by the model, added and removed
 * through the API, a task completed — and on PostgreSQL the table that gives the inbox its order
 * ({@link TaskGroupInbox}) holds exactly the open tasks' candidate groups, and is brought back in line at start
 * when it was not.
 */
@GridCareTest
class TaskGroupInboxTest {

    static final String PROCESS = "Process_TaskGroupInboxTest";

    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskGroupInbox inbox;

    String deployment;

    @BeforeEach
    void setUp() {
        var model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1).startEvent()
                .userTask("Task_One").camundaCandidateGroups(Groups.CUSTOMER_SERVICE)
                .userTask("Task_Two").camundaCandidateGroups(Groups.BILLING + "," + Groups.METERING).endEvent().done();
        deployment = engine.getRepositoryService().createDeployment().name("task-group-inbox-test")
                .addModelInstance("task-group-inbox-test.bpmn", model).deploy().getId();
    }

    @AfterEach
    void tearDown() {
        engine.getIdentityService().clearAuthentication();
        engine.getRepositoryService().deleteDeployment(deployment, true);
    }

    @Test
    void aGroupsInboxFollowsTheCandidateGroupsOfItsTasks() {
        var tasks = engine.getTaskService();
        var instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS).getId();
        var first = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
        assertThat(inboxOf(Groups.CUSTOMER_SERVICE)).contains(first);
        assertThat(inboxOf(Groups.BILLING)).doesNotContain(first);
        assertRows(first, Groups.CUSTOMER_SERVICE);

        tasks.addCandidateGroup(first, Groups.BILLING);
        assertThat(inboxOf(Groups.BILLING)).contains(first);
        assertRows(first, Groups.BILLING, Groups.CUSTOMER_SERVICE);

        tasks.deleteCandidateGroup(first, Groups.CUSTOMER_SERVICE);
        assertThat(inboxOf(Groups.CUSTOMER_SERVICE)).doesNotContain(first);
        assertThat(inboxOf(Groups.BILLING)).contains(first);
        assertRows(first, Groups.BILLING);

        tasks.complete(first);
        var second = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
        assertThat(inboxOf(Groups.BILLING)).contains(second).doesNotContain(first);
        assertThat(inboxOf(Groups.METERING)).contains(second);
        assertRows(first);
        assertRows(second, Groups.BILLING, Groups.METERING);

        // newest first, as the inbox asks: the group's tasks in the order the engine's own statement gives
        var third = engine.getRuntimeService().startProcessInstanceByKey(PROCESS).getId();
        tasks.complete(tasks.createTaskQuery().processInstanceId(third).singleResult().getId());
        var newest = tasks.createTaskQuery().processInstanceId(third).singleResult().getId();
        var page = inboxOf(Groups.METERING);
        assertThat(page.indexOf(newest)).isLessThan(page.indexOf(second));
    }

    @Test
    void atStartTheTableIsBroughtBackInLineWithTheCandidateLinks() {
        if (!postgres()) return; // H2 keeps no such table: its inbox query is the engine's
        var instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS).getId();
        var task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
        // as if written while the triggers were missing: a row lost, a row that is not a candidate link
        jdbc.sql("DELETE FROM task_group_inbox WHERE task_id = ?").param(task).update();
        jdbc.sql("INSERT INTO task_group_inbox (task_id, group_id, create_time) VALUES (?, ?, CURRENT_TIMESTAMP)")
                .params(task, Groups.FIELD_SERVICE).update();
        assertThat(rowsOf(task)).containsExactly(Groups.FIELD_SERVICE);

        inbox.postProcessEngineBuild(engine);

        assertRows(task, Groups.CUSTOMER_SERVICE);
        // and so is every other task's: the table and the candidate links differ in no pair, no creation time
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM (
                  (SELECT task_id, group_id, create_time FROM task_group_inbox
                   EXCEPT SELECT i.task_id_, i.group_id_, t.create_time_ FROM act_ru_identitylink i
                          JOIN act_ru_task t ON t.id_ = i.task_id_ WHERE i.type_ = 'candidate' AND i.group_id_ IS NOT NULL)
                  UNION ALL
                  (SELECT i.task_id_, i.group_id_, t.create_time_ FROM act_ru_identitylink i
                          JOIN act_ru_task t ON t.id_ = i.task_id_ WHERE i.type_ = 'candidate' AND i.group_id_ IS NOT NULL
                   EXCEPT SELECT task_id, group_id, create_time FROM task_group_inbox)) differences""")
                .query(Long.class).single()).isZero();
    }

    @Test
    void onPostgresqlAGroupsQueryJoinsTheTableAndOtherQueriesDoNot() {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        engine.getIdentityService().setAuthentication("tgi-agent", List.of(Groups.CUSTOMER_SERVICE));
        var sql = configuration.getCommandExecutorTxRequired().execute(context -> {
            var statements = new java.util.ArrayList<String>();
            var group = new org.camunda.bpm.engine.impl.TaskQueryImpl();
            group.taskCandidateGroup(Groups.CUSTOMER_SERVICE).orderByTaskCreateTime().desc();
            var groups = new org.camunda.bpm.engine.impl.TaskQueryImpl();
            groups.taskCandidateGroupIn(List.of(Groups.BILLING, Groups.METERING));
            var user = new org.camunda.bpm.engine.impl.TaskQueryImpl();
            user.taskCandidateUser("someone");
            for (var query : List.of(group, groups, user)) {
                query.setFirstResult(0);
                query.setMaxResults(50);
                context.getAuthorizationManager().configureTaskQuery(query);
                statements.add(configuration.getSqlSessionFactory().getConfiguration()
                        .getMappedStatement(TaskQueryExists.NAMESPACE + ".selectTasksWithGrantExists").getBoundSql(query)
                        .getSql().replaceAll("\\s+", " "));
            }
            return statements;
        });
        if (postgres()) {
            // the group from the table, newest first by the table's time (its index's order); no candidate links
            assertThat(sql.get(0)).contains("inner join task_group_inbox GI on GI.task_id = RES.ID_")
                    .contains("and GI.group_id = ?").contains("order by GI.create_time desc").doesNotContain("IDENTITYLINK");
        } else {
            assertThat(sql.get(0)).doesNotContain("task_group_inbox").contains("I.GROUP_ID_ IN");
        }
        assertThat(sql.get(1)).doesNotContain("task_group_inbox");
        assertThat(sql.get(2)).doesNotContain("task_group_inbox");
    }

    private boolean postgres() {
        return "postgres".equals(((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDatabaseType());
    }

    /** The group's inbox, newest first, as an agent of the group sees it through the engine's API. */
    private List<String> inboxOf(String group) {
        engine.getIdentityService().setAuthentication("tgi-agent-" + group, List.of(group));
        try {
            return engine.getTaskService().createTaskQuery().taskCandidateGroup(group).processDefinitionKey(PROCESS)
                    .orderByTaskCreateTime().desc().listPage(0, 50).stream().map(Task::getId).toList();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** On PostgreSQL: the task's rows in the inbox table are these groups, and (for an open task) its candidate groups. */
    private void assertRows(String task, String... groups) {
        if (!postgres()) return;
        assertThat(rowsOf(task)).containsExactly(groups);
        if (engine.getTaskService().createTaskQuery().taskId(task).count() == 1) assertThat(rowsOf(task)).isEqualTo(linksOf(task));
    }

    private Set<String> rowsOf(String task) {
        return new TreeSet<>(jdbc.sql("SELECT group_id FROM task_group_inbox WHERE task_id = ?").param(task)
                .query(String.class).list());
    }

    private Set<String> linksOf(String task) {
        return new TreeSet<>(engine.getTaskService().getIdentityLinksForTask(task).stream()
                .filter(l -> "candidate".equals(l.getType()) && l.getGroupId() != null).map(l -> l.getGroupId()).toList());
    }
}
