package com.gridcare.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.GridCareTest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The task query with its grant check as EXISTS ({@link TaskQueryExists}) finds, counts and orders exactly
 * the tasks the engine's own statement (the grant join) does, for agents of one group, of several, of none,
 * with a grant on the process definition, and for a candidate user; and its SQL has no grant join.
 */
@GridCareTest
class TaskQueryExistsTest {

    static final String PROCESS = "Process_TaskQueryExistsTest";
    static final String DEFINITION_READER = "tqe-definition-reader";

    @Autowired
    ProcessEngine engine;

    ProcessEngineConfigurationImpl configuration;
    String deployment;
    String definitionGrant;

    @BeforeEach
    void setUp() {
        configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        // three user tasks in a row per instance with different candidates; instances stop at different ones
        var model = Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1).startEvent()
                .userTask("Task_One").camundaCandidateGroups(Groups.CUSTOMER_SERVICE)
                .userTask("Task_Two").camundaCandidateGroups(Groups.BILLING + "," + Groups.METERING)
                .userTask("Task_Three").camundaCandidateUsers("tqe-user").endEvent().done();
        deployment = engine.getRepositoryService().createDeployment().name("task-query-exists-test")
                .addModelInstance("task-query-exists-test.bpmn", model).deploy().getId();
        var tasks = engine.getTaskService();
        for (int i = 0; i < 9; i++) {
            var instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS).getId();
            for (int step = 0; step < i % 3; step++) {
                tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId());
            }
        }
        var grant = engine.getAuthorizationService().createNewAuthorization(
                org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
        grant.setGroupId(DEFINITION_READER);
        grant.setResource(Resources.PROCESS_DEFINITION);
        grant.setResourceId(PROCESS);
        grant.addPermission(Permissions.READ_TASK);
        definitionGrant = engine.getAuthorizationService().saveAuthorization(grant).getId();
    }

    @AfterEach
    void tearDown() {
        engine.getIdentityService().clearAuthentication();
        engine.getAuthorizationService().deleteAuthorization(definitionGrant);
        engine.getRepositoryService().deleteDeployment(deployment, true);
    }

    @Test
    void theExistsStatementSeesExactlyWhatTheEnginesJoinSees() {
        var agents = List.of(
                new Agent("tqe-front-line", List.of(Groups.CUSTOMER_SERVICE)),
                new Agent("tqe-staff", Groups.STAFF),
                new Agent("tqe-billing", List.of(Groups.BILLING)),
                new Agent("tqe-user", List.of()),
                new Agent("tqe-nobody", List.of(Groups.RULE_ANALYSTS)),
                new Agent("tqe-definition", List.of(DEFINITION_READER)));
        // every ordering ends with the id: tasks of the same name or creation time come in no defined order
        List<Consumer<TaskQueryImpl>> queries = List.of(
                q -> q.processDefinitionKey(PROCESS).orderByTaskCreateTime().desc().orderByTaskId().asc(),
                q -> q.processDefinitionKey(PROCESS).taskCandidateGroup(Groups.CUSTOMER_SERVICE).orderByTaskCreateTime().desc().orderByTaskId().asc(),
                q -> q.processDefinitionKey(PROCESS).taskCandidateGroupIn(List.of(Groups.BILLING, Groups.METERING))
                        .orderByTaskId().asc(),
                q -> q.processDefinitionKey(PROCESS).or().taskCandidateUser("tqe-user").taskCandidateGroup(Groups.BILLING)
                        .endOr().orderByTaskName().asc().orderByTaskId().asc(),
                q -> q.processDefinitionKey(PROCESS).taskCandidateGroupIn(Groups.STAFF).includeAssignedTasks()
                        .orderByTaskCreateTime().desc().orderByTaskId().asc(),
                q -> q.processDefinitionKey(PROCESS).withCandidateGroups().orderByTaskCreateTime().desc().orderByTaskId().asc(),
                q -> q.processDefinitionKey(PROCESS).taskInvolvedUser("tqe-user").orderByTaskCreateTime().desc().orderByTaskId().asc());
        int visibleSomewhere = 0;
        for (var agent : agents) {
            for (var query : queries) {
                var engines = run(agent, query, TaskQueryExists.ENGINE_TASK + "." + TaskQueryExists.SELECT,
                        TaskQueryExists.ENGINE_TASK + "." + TaskQueryExists.COUNT);
                var exists = run(agent, query, TaskQueryExists.NAMESPACE + ".selectTasksWithGrantExists",
                        TaskQueryExists.NAMESPACE + ".selectTaskCountWithGrantExists");
                assertThat(exists).as(agent + " " + queries.indexOf(query)).isEqualTo(engines);
                visibleSomewhere += engines.size();
            }
            // and the public API (through the statement mapping) gives the same as the EXISTS statement
            engine.getIdentityService().setAuthentication(agent.user(), agent.groups());
            assertThat(engine.getTaskService().createTaskQuery().processDefinitionKey(PROCESS).count())
                    .isEqualTo(run(agent, queries.get(0), TaskQueryExists.ENGINE_TASK + "." + TaskQueryExists.SELECT,
                            TaskQueryExists.ENGINE_TASK + "." + TaskQueryExists.COUNT).size() - 1);
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(visibleSomewhere).as("the agents see some tasks, not none").isGreaterThan(20);
        // no one outside the candidates and the definition's readers sees a task
        assertThat(run(agents.get(4), queries.get(0), TaskQueryExists.NAMESPACE + ".selectTasksWithGrantExists",
                TaskQueryExists.NAMESPACE + ".selectTaskCountWithGrantExists")).containsExactly("count 0");
        assertThat(run(agents.get(5), queries.get(0), TaskQueryExists.NAMESPACE + ".selectTasksWithGrantExists",
                TaskQueryExists.NAMESPACE + ".selectTaskCountWithGrantExists")).hasSize(10);
    }

    @Test
    void theEngineRunsTheExistsStatementWithoutTheGrantJoin() {
        var mybatis = configuration.getSqlSessionFactory().getConfiguration();
        assertThat(configuration.getDbSqlSessionFactory().mapStatement(TaskQueryExists.SELECT))
                .isEqualTo(TaskQueryExists.NAMESPACE + ".selectTasksWithGrantExists");
        assertThat(configuration.getDbSqlSessionFactory().mapStatement(TaskQueryExists.COUNT))
                .isEqualTo(TaskQueryExists.NAMESPACE + ".selectTaskCountWithGrantExists");
        engine.getIdentityService().setAuthentication("tqe-front-line", List.of(Groups.CUSTOMER_SERVICE));
        var sql = configuration.getCommandExecutorTxRequired().execute((Command<String[]>) context -> {
            var group = new TaskQueryImpl();
            group.taskCandidateGroup(Groups.CUSTOMER_SERVICE).orderByTaskCreateTime().desc();
            var all = new TaskQueryImpl();
            all.orderByTaskCreateTime().desc();
            var statements = new ArrayList<String>();
            for (var query : List.of(group, all)) {
                query.setFirstResult(0);
                query.setMaxResults(50);
                context.getAuthorizationManager().configureTaskQuery(query);
                for (var statement : List.of(TaskQueryExists.NAMESPACE + ".selectTasksWithGrantExists",
                        TaskQueryExists.ENGINE_TASK + "." + TaskQueryExists.SELECT)) {
                    statements.add(mybatis.getMappedStatement(statement).getBoundSql(query).getSql().replaceAll("\\s+", " "));
                }
            }
            return statements.toArray(String[]::new);
        });
        for (var exists : List.of(sql[0], sql[2])) {
            assertThat(exists).contains("EXISTS (SELECT 1 FROM ACT_RU_AUTHORIZATION A WHERE")
                    .contains("A.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')").doesNotContain("AUTH ON").doesNotContain("AUTH.");
        }
        for (var join : List.of(sql[1], sql[3])) assertThat(join).contains("AUTH ON").doesNotContain("EXISTS");
        // a group's inbox asks for its candidate links with EXISTS (on PostgreSQL for the group's rows of
        // task_group_inbox, TaskGroupInboxTest): no task repeats, nothing to make distinct
        assertThat(sql[0]).contains("postgres".equals(configuration.getDatabaseType()) ? "and GI.group_id = ?"
                        : "EXISTS (SELECT 1 FROM ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_")
                .doesNotContain("left join ACT_RU_IDENTITYLINK I").doesNotContainIgnoringCase("select distinct");
        assertThat(sql[1]).contains("left join ACT_RU_IDENTITYLINK I").containsIgnoringCase("select distinct");
        assertThat(sql[2]).doesNotContainIgnoringCase("select distinct");
        assertThat(sql[3]).containsIgnoringCase("select distinct");
        if (Boolean.getBoolean("print-task-query")) System.out.println(String.join("\n", sql));
    }

    @Test
    void theGroupsHoldingGrantsAreTheOnesTheEngineFinds() {
        assertThat(configuration.getDbSqlSessionFactory().mapStatement(TaskQueryExists.AUTHORIZED_GROUPS))
                .isEqualTo(TaskQueryExists.NAMESPACE + "." + TaskQueryExists.AUTHORIZED_GROUPS);
        var found = configuration.getCommandExecutorTxRequired().execute((Command<List<java.util.Set<String>>>) context -> {
            var session = context.getDbSqlSession().getSqlSession();
            var engines = new java.util.HashSet<String>(session.selectList("org.camunda.bpm.engine.impl.persistence.entity"
                    + ".AuthorizationEntity." + TaskQueryExists.AUTHORIZED_GROUPS));
            engines.remove(null);
            var ours = new java.util.HashSet<String>(session.selectList(TaskQueryExists.NAMESPACE + "."
                    + TaskQueryExists.AUTHORIZED_GROUPS));
            return List.of(engines, ours);
        });
        assertThat(found.get(0)).as("groups with grants").contains(DEFINITION_READER, Groups.CUSTOMER_SERVICE, Groups.BILLING);
        assertThat(found.get(1)).isEqualTo(found.get(0));
    }

    record Agent(String user, List<String> groups) {}

    /** The task ids the statement lists for the agent, in order, and then the count statement's answer. */
    private List<String> run(Agent agent, Consumer<TaskQueryImpl> criteria, String select, String count) {
        engine.getIdentityService().setAuthentication(agent.user(), agent.groups());
        try {
            return configuration.getCommandExecutorTxRequired().execute(context -> {
                var query = new TaskQueryImpl();
                criteria.accept(query);
                query.setFirstResult(0);
                query.setMaxResults(Integer.MAX_VALUE);
                context.getAuthorizationManager().configureTaskQuery(query);
                var session = context.getDbSqlSession().getSqlSession();
                var ids = new ArrayList<String>();
                for (Object task : session.selectList(select, query)) ids.add(((Task) task).getId());
                ids.add("count " + session.selectOne(count, query));
                return ids;
            });
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }
}
