package com.gridcare.security;

import com.gridcare.kernel.Groups;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what: every operation of GridCare's API (found from the controllers' mappings, so a
 * new endpoint without a row here fails) without credentials and as a member of each group, the
 * {@code /engine-rest} operations staff use, including seeing and working only their groups' tasks
 * and reading only their groups' members, and the actuator.
 * "Allowed" means neither 401 nor 403: the probes send unknown ids and incomplete bodies, so an
 * allowed call answers 400, 404 or 422 and changes nothing.
 */
@GridCareTest
class AuthorizationMatrixTest {

    private static final Set<String> STAFF = Set.copyOf(Groups.STAFF);
    private static final Set<String> STAFF_AND_CHANNELS = union(STAFF, Set.of(Groups.CHANNEL_SYSTEMS));

    /** One API operation: how to call it harmlessly, and which groups besides the administrators may. */
    private record Probe(Function<Api, Api.Answer> call, Set<String> allowed) {}

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    TaskService tasks;
    @Autowired
    RepositoryService repository;

    @BeforeEach
    void users() {
        testData.users();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new TreeSet<>(a);
        all.addAll(b);
        return all;
    }

    private static Map<String, byte[]> junkFile() {
        return Map.of("not-a-rule.txt", "junk".getBytes(StandardCharsets.UTF_8));
    }

    /** The matrix: "METHOD pattern" as the controllers declare it. A new operation needs a row. */
    private static Map<String, Probe> matrix() {
        var rows = new LinkedHashMap<String, Probe>();
        rows.put("POST /api/v1/complaints", new Probe(api -> api.post("/api/v1/complaints", "{}"),
                Set.of(Groups.CHANNEL_SYSTEMS, Groups.CUSTOMER_SERVICE)));
        rows.put("POST /api/v1/service-requests", new Probe(api -> api.post("/api/v1/service-requests", "{}"),
                Set.of(Groups.CHANNEL_SYSTEMS, Groups.CUSTOMER_SERVICE)));
        rows.put("POST /api/v1/service-requests/{caseId}/documents",
                new Probe(api -> api.post("/api/v1/service-requests/SRQ-1999-000001/documents", "{}"),
                        Set.of(Groups.CHANNEL_SYSTEMS, Groups.CUSTOMER_SERVICE)));
        rows.put("GET /api/v1/cases/{caseId}", new Probe(api -> api.get("/api/v1/cases/CMP-1999-000001"),
                STAFF_AND_CHANNELS));
        rows.put("GET /api/v1/cases/{caseId}/record", new Probe(api -> api.get("/api/v1/cases/CMP-1999-000001/record"),
                STAFF));
        rows.put("GET /api/v1/reports/root-causes", new Probe(api -> api.get("/api/v1/reports/root-causes?from=x"),
                Set.of(Groups.SUPERVISORS, Groups.SERVICE_MANAGERS)));
        rows.put("GET /api/v1/reports/service", new Probe(api -> api.get("/api/v1/reports/service?month=x"),
                Set.of(Groups.SUPERVISORS, Groups.SERVICE_MANAGERS)));
        rows.put("GET /api/v1/reports/service/cases", new Probe(api -> api.get("/api/v1/reports/service/cases?month=x"),
                Set.of(Groups.SUPERVISORS, Groups.SERVICE_MANAGERS)));
        rows.put("POST /api/v1/reports/service/rollup", new Probe(api -> api.post("/api/v1/reports/service/rollup?month=x"),
                Set.of(Groups.SERVICE_MANAGERS)));
        rows.put("POST /api/v1/cases/{caseId}/withdrawal",
                new Probe(api -> api.post("/api/v1/cases/CMP-1999-000001/withdrawal", "{}"),
                        Set.of(Groups.CHANNEL_SYSTEMS, Groups.CUSTOMER_SERVICE, Groups.KEY_ACCOUNTS)));
        rows.put("PUT /api/v1/customers/{id}", new Probe(api -> api.put("/api/v1/customers/MATRIX-1", "{}"),
                Set.of(Groups.CHANNEL_SYSTEMS)));
        rows.put("PUT /api/v1/customers/{id}/consumption",
                new Probe(api -> api.put("/api/v1/customers/MATRIX-1/consumption", "{}"), Set.of(Groups.CHANNEL_SYSTEMS)));
        rows.put("GET /api/v1/customers/{id}", new Probe(api -> api.get("/api/v1/customers/MATRIX-1"),
                STAFF_AND_CHANNELS));
        rows.put("GET /api/v1/customers/{id}/decisions",
                new Probe(api -> api.get("/api/v1/customers/MATRIX-1/decisions"),
                        union(STAFF_AND_CHANNELS, Set.of(Groups.RULE_ANALYSTS))));
        rows.put("POST /api/v1/customers/{id}/erasure",
                new Probe(api -> api.post("/api/v1/customers/MATRIX-1/erasure", "{}"), Set.of()));
        rows.put("POST /api/v1/tasks/{taskId}/complete",
                new Probe(api -> api.post("/api/v1/tasks/no-such-task/complete", "{}"), STAFF));
        rows.put("GET /api/v1/rules", new Probe(api -> api.get("/api/v1/rules?history=0"),
                Set.of(Groups.RULE_ANALYSTS)));
        rows.put("POST /api/v1/rules/validate", new Probe(api -> api.postFiles("/api/v1/rules/validate", junkFile(),
                "package", "no such package"), Set.of(Groups.RULE_ANALYSTS)));
        rows.put("POST /api/v1/rules/simulate", new Probe(api -> api.postFiles("/api/v1/rules/simulate", junkFile(),
                "package", "no such package"), Set.of(Groups.RULE_ANALYSTS)));
        rows.put("POST /api/v1/rules/publish", new Probe(api -> api.postFiles("/api/v1/rules/publish", junkFile(),
                "package", "no such package"), Set.of(Groups.RULE_ANALYSTS)));
        rows.put("POST /api/v1/rules/rollback", new Probe(api -> api.post("/api/v1/rules/rollback",
                "{\"version\":\"not a version\"}"), Set.of(Groups.RULE_ANALYSTS)));
        rows.put("POST /api/v1/customers/import", new Probe(api -> api.post("/api/v1/customers/import",
                "not,a,customer\n", "Content-Type", "text/csv"), Set.of(Groups.CHANNEL_SYSTEMS)));
        rows.put("POST /api/v1/service-requests", new Probe(api -> api.post("/api/v1/service-requests", "{}"),
                Set.of(Groups.CHANNEL_SYSTEMS, Groups.CUSTOMER_SERVICE)));
        rows.put("POST /api/v1/service-requests/{caseId}/documents",
                new Probe(api -> api.post("/api/v1/service-requests/SRQ-1999-000001/documents", "{}"),
                        Set.of(Groups.CHANNEL_SYSTEMS, Groups.CUSTOMER_SERVICE)));
        rows.put("GET /api/v1/surveys/{surveyId}", new Probe(api -> api.get("/api/v1/surveys/SVY-1999-000001"),
                Set.of(Groups.CHANNEL_SYSTEMS, Groups.CUSTOMER_SERVICE, Groups.SURVEY_TEAM, Groups.SUPERVISORS,
                        Groups.SERVICE_MANAGERS)));
        rows.put("GET /api/v1/surveys", new Probe(api -> api.get("/api/v1/surveys?replyCode=ZZZZZZZZ"),
                Set.of(Groups.CHANNEL_SYSTEMS, Groups.CUSTOMER_SERVICE, Groups.SURVEY_TEAM)));
        rows.put("POST /api/v1/surveys/{surveyId}/responses",
                new Probe(api -> api.post("/api/v1/surveys/SVY-1999-000001/responses", "{}"),
                        Set.of(Groups.CHANNEL_SYSTEMS, Groups.CUSTOMER_SERVICE, Groups.SURVEY_TEAM)));
        rows.put("GET /api/v1/reports/satisfaction", new Probe(api -> api.get("/api/v1/reports/satisfaction?from=x"),
                Set.of(Groups.SERVICE_MANAGERS, Groups.SUPERVISORS, Groups.SURVEY_TEAM)));
        rows.put("POST /api/v1/deployments/reload", new Probe(api -> api.post("/api/v1/deployments/reload"), Set.of()));
        // the staff workspace in Tasklist (issue 17)
        rows.put("GET /api/v1/search", new Probe(api -> api.get("/api/v1/search?q=x"), STAFF));
        rows.put("POST /api/v1/contacts", new Probe(api -> api.post("/api/v1/contacts", "{}"),
                Set.of(Groups.CUSTOMER_SERVICE, Groups.KEY_ACCOUNTS, Groups.SUPERVISORS, Groups.CHANNEL_SYSTEMS)));
        rows.put("POST /api/v1/calls", new Probe(api -> api.post("/api/v1/calls", "{}"),
                Set.of(Groups.CUSTOMER_SERVICE, Groups.KEY_ACCOUNTS, Groups.SUPERVISORS)));
        rows.put("GET /api/v1/customers/{id}/timeline", new Probe(api -> api.get("/api/v1/customers/MATRIX-1/timeline"),
                STAFF));
        rows.put("GET /api/v1/customers/{id}/consumption",
                new Probe(api -> api.get("/api/v1/customers/MATRIX-1/consumption"), STAFF));
        rows.put("POST /api/v1/customers/{id}/reveal",
                new Probe(api -> api.post("/api/v1/customers/MATRIX-1/reveal", "{}"), STAFF));
        rows.put("GET /api/v1/customers/{id}/access-log",
                new Probe(api -> api.get("/api/v1/customers/MATRIX-1/access-log"), Set.of()));
        rows.put("GET /api/v1/reports/contacts", new Probe(api -> api.get("/api/v1/reports/contacts?from=x"),
                Set.of(Groups.SUPERVISORS, Groups.SERVICE_MANAGERS)));
        // outages (issue 23): the people who run the network, and the outage-management system
        var outageWork = Set.of(Groups.FIELD_SERVICE, Groups.SERVICE_MANAGERS, Groups.SUPERVISORS,
                Groups.CHANNEL_SYSTEMS);
        rows.put("POST /api/v1/outages", new Probe(api -> api.post("/api/v1/outages", "{}"), outageWork));
        rows.put("PATCH /api/v1/outages/{id}", new Probe(api -> api.patch("/api/v1/outages/OUT-1999-000001",
                "{\"expectedRestorationAt\":\"2099-01-01T00:00:00Z\"}"), outageWork));
        rows.put("POST /api/v1/outages/{id}/restoration",
                new Probe(api -> api.post("/api/v1/outages/OUT-1999-000001/restoration", "{}"), outageWork));
        rows.put("GET /api/v1/outages/{id}", new Probe(api -> api.get("/api/v1/outages/OUT-1999-000001"),
                Set.of(Groups.CUSTOMER_SERVICE, Groups.KEY_ACCOUNTS, Groups.FIELD_SERVICE, Groups.SUPERVISORS,
                        Groups.SERVICE_MANAGERS, Groups.CHANNEL_SYSTEMS)));
        rows.put("GET /api/v1/reports/reliability", new Probe(api -> api.get("/api/v1/reports/reliability?month=x"),
                Set.of(Groups.SUPERVISORS, Groups.SERVICE_MANAGERS)));
        rows.put("POST /api/v1/admin/users/{id}/unlock",
                new Probe(api -> api.post("/api/v1/admin/users/nosuchuser/unlock"), Set.of()));
        // relationship programmes (issue 24)
        rows.put("GET /api/v1/customers/{id}/consents",
                new Probe(api -> api.get("/api/v1/customers/MATRIX-1/consents"), STAFF_AND_CHANNELS));
        rows.put("PUT /api/v1/customers/{id}/consents/{channel}/{purpose}",
                new Probe(api -> api.put("/api/v1/customers/MATRIX-1/consents/SMS/MARKETING", "{}"),
                        Set.of(Groups.CHANNEL_SYSTEMS, Groups.CUSTOMER_SERVICE, Groups.KEY_ACCOUNTS)));
        rows.put("POST /api/v1/inbound-messages", new Probe(api -> api.post("/api/v1/inbound-messages", "{}"),
                Set.of(Groups.CHANNEL_SYSTEMS)));
        rows.put("POST /api/v1/contracts", new Probe(api -> api.post("/api/v1/contracts", "{}"),
                Set.of(Groups.KEY_ACCOUNTS, Groups.CUSTOMER_SERVICE, Groups.CHANNEL_SYSTEMS)));
        rows.put("GET /api/v1/contracts/{id}", new Probe(api -> api.get("/api/v1/contracts/CTR-1999-000001"),
                STAFF_AND_CHANNELS));
        var usageReaders = Set.of(Groups.CHANNEL_SYSTEMS, Groups.CUSTOMER_SERVICE, Groups.KEY_ACCOUNTS, Groups.BILLING,
                Groups.SUPERVISORS, Groups.SERVICE_MANAGERS);
        rows.put("GET /api/v1/customers/{id}/usage-reports/{period}",
                new Probe(api -> api.get("/api/v1/customers/MATRIX-1/usage-reports/1999-01"), usageReaders));
        rows.put("GET /api/v1/customers/{id}/usage-reports/{period}/pdf",
                new Probe(api -> api.get("/api/v1/customers/MATRIX-1/usage-reports/1999-01/pdf"), usageReaders));
        rows.put("POST /api/v1/usage-reports/runs", new Probe(api -> api.post("/api/v1/usage-reports/runs", "{}"),
                Set.of(Groups.SERVICE_MANAGERS)));
        rows.put("POST /api/v1/campaigns", new Probe(api -> api.post("/api/v1/campaigns", "{}"),
                Set.of(Groups.RULE_ANALYSTS, Groups.SERVICE_MANAGERS, Groups.SURVEY_TEAM)));
        rows.put("GET /api/v1/campaigns/{id}", new Probe(api -> api.get("/api/v1/campaigns/CPG-1999-0001"),
                Set.of(Groups.RULE_ANALYSTS, Groups.SERVICE_MANAGERS, Groups.SURVEY_TEAM, Groups.SUPERVISORS,
                        Groups.CHANNEL_SYSTEMS)));
        rows.put("POST /api/v1/campaigns/{id}/launch", new Probe(api -> api.post("/api/v1/campaigns/CPG-1999-0001/launch"),
                Set.of(Groups.RULE_ANALYSTS, Groups.SERVICE_MANAGERS, Groups.SURVEY_TEAM)));
        rows.put("POST /api/v1/campaigns/{id}/responses",
                new Probe(api -> api.post("/api/v1/campaigns/CPG-1999-0001/responses", "{}"),
                        Set.of(Groups.CHANNEL_SYSTEMS, Groups.CUSTOMER_SERVICE, Groups.SURVEY_TEAM)));
        rows.put("GET /api/v1/campaigns/{id}/results", new Probe(api -> api.get("/api/v1/campaigns/CPG-1999-0001/results"),
                Set.of(Groups.RULE_ANALYSTS, Groups.SERVICE_MANAGERS, Groups.SURVEY_TEAM, Groups.SUPERVISORS)));
        rows.put("GET /api/v1/customers/{id}/contracts",
                new Probe(api -> api.get("/api/v1/customers/MATRIX-1/contracts"), STAFF_AND_CHANNELS));
        return rows;
    }

    /** Every API operation the controllers declare, as "METHOD pattern". */
    private List<String> declaredOperations() {
        var operations = new ArrayList<String>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (var pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) continue;
                var methods = info.getMethodsCondition().getMethods();
                if (methods.isEmpty()) {
                    operations.add("ANY " + pattern);
                }
                for (RequestMethod m : methods) operations.add(m.name() + " " + pattern);
            }
        });
        return operations;
    }

    @Test
    void theMatrixHasARowForEveryOperationOfTheApiAndNoStaleOnes() {
        assertThat(new TreeSet<>(declaredOperations())).as("operations of GridCare's API; add a row to matrix()")
                .isEqualTo(new TreeSet<>(matrix().keySet()));
    }

    @Test
    void everyOperationRefusesCallersWithoutCredentials() {
        var anonymous = Api.at(port);
        var unknownUsers = new java.util.concurrent.atomic.AtomicInteger();
        matrix().forEach((operation, probe) -> {
            // a user of its own per operation: more than five wrong passwords in a row make the next login wait (429)
            var wrong = Api.at(port).as("matrixnobody" + unknownUsers.incrementAndGet(), "wrong password");
            assertThat(probe.call().apply(anonymous).status()).as("%s without credentials", operation).isEqualTo(401);
            assertThat(probe.call().apply(wrong).status()).as("%s with a wrong password", operation).isEqualTo(401);
        });
    }

    @Test
    void everyOperationAnswersEachGroupAsTheMatrixSays() {
        var failures = new ArrayList<String>();
        matrix().forEach((operation, probe) -> {
            for (var group : Groups.ALL) {
                var answer = probe.call().apply(Api.at(port).as(group));
                var allowed = group.equals(Groups.ADMINS) || probe.allowed().contains(group);
                var refused = answer.status() == 401 || answer.status() == 403;
                if (allowed == refused || answer.status() >= 500) {
                    failures.add("%s as %s: %d %s".formatted(operation, group, answer.status(),
                            answer.body().length() > 200 ? answer.body().substring(0, 200) : answer.body()));
                }
            }
        });
        assertThat(failures).isEmpty();
    }

    // ---- /engine-rest, as staff use it through Tasklist, Cockpit and Admin ----

    /** A real complaint: its first task waits for the group the rules chose. */
    private record OpenTask(String taskId, String group) {}

    private OpenTask openTask() {
        var customer = testData.residential();
        var receipt = Api.at(port).as(Groups.CHANNEL_SYSTEMS).post("/api/v1/complaints", """
                {"customerId":"%s","channel":"HOTLINE","category":"METER","description":"Meter shows nothing"}"""
                .formatted(customer));
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
        var processInstanceId = receipt.json().path("processInstanceId").asText();
        var task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        return new OpenTask(task.getId(), receipt.json().path("assignedGroup").asText());
    }

    private static boolean listsTask(Api.Answer answer, String taskId) {
        return answer.body().contains("\"id\":\"" + taskId + "\"");
    }

    @Test
    void frontLineSeesAndWorksOnlyItsGroupsTasks() {
        var open = openTask();
        var own = Api.at(port).as(open.group());
        var other = Api.at(port).as(open.group().equals(Groups.BILLING) ? Groups.METERING : Groups.BILLING);

        // newest first: the database the tests share can hold more of the group's tasks than a page
        assertThat(listsTask(own.get("/engine-rest/task?maxResults=1000&sortBy=created&sortOrder=desc&candidateGroup="
                + open.group()), open.taskId())).isTrue();
        assertThat(own.get("/engine-rest/task/" + open.taskId()).status()).isEqualTo(200);
        assertThat(own.get("/engine-rest/task/" + open.taskId() + "/variables").status()).isEqualTo(200);
        assertThat(own.get("/engine-rest/task/" + open.taskId() + "/form-variables").status()).isEqualTo(200);
        assertThat(own.post("/engine-rest/task/" + open.taskId() + "/claim",
                "{\"userId\":\"" + TestData.user(open.group()) + "\"}").status()).isEqualTo(204);
        assertThat(own.post("/engine-rest/task/" + open.taskId() + "/unclaim", "{}").status()).isEqualTo(204);

        assertThat(listsTask(other.get("/engine-rest/task?maxResults=1000"), open.taskId())).isFalse();
        assertThat(other.get("/engine-rest/task/" + open.taskId()).status()).isIn(403, 404);
        assertThat(other.get("/engine-rest/task/" + open.taskId() + "/variables").status()).isIn(403, 404);
        assertThat(other.post("/engine-rest/task/" + open.taskId() + "/claim",
                "{\"userId\":\"" + TestData.user(Groups.BILLING) + "\"}").status()).isEqualTo(403);
        assertThat(other.post("/engine-rest/task/" + open.taskId() + "/complete", "{}").status()).isEqualTo(403);

        for (var outsider : List.of(Groups.CHANNEL_SYSTEMS, Groups.RULE_ANALYSTS)) {
            var api = Api.at(port).as(outsider);
            assertThat(listsTask(api.get("/engine-rest/task?maxResults=1000"), open.taskId())).as(outsider).isFalse();
            assertThat(api.get("/engine-rest/task/" + open.taskId()).status()).as(outsider).isIn(403, 404);
        }
        for (var overseer : List.of(Groups.SUPERVISORS, Groups.SERVICE_MANAGERS, Groups.ADMINS)) {
            var api = Api.at(port).as(overseer);
            assertThat(listsTask(api.get("/engine-rest/task?maxResults=1000&processInstanceBusinessKeyLike=%25"),
                    open.taskId()) || api.get("/engine-rest/task/" + open.taskId()).status() == 200)
                    .as(overseer).isTrue();
        }
    }

    @Test
    void onlySupervisorsAndAdministratorsReassignTasks() {
        var open = openTask();
        for (var group : Groups.ALL) {
            var status = Api.at(port).as(group).post("/engine-rest/task/" + open.taskId() + "/assignee",
                    "{\"userId\":\"" + TestData.user(open.group()) + "\"}").status();
            var expected = group.equals(Groups.SUPERVISORS) || group.equals(Groups.ADMINS) || group.equals(open.group());
            assertThat(status == 204).as("%s sets the assignee: %d", group, status).isEqualTo(expected);
        }
    }

    @Test
    void processesAreStartedThroughGridCareNotTheEngineApi() {
        for (var group : Groups.ALL) {
            if (group.equals(Groups.ADMINS)) continue;
            var status = Api.at(port).as(group).post("/engine-rest/process-definition/key/complaint-handling/start",
                    "{}").status();
            // 404 for those who may not even read the definition
            assertThat(status).as(group).isIn(403, 404);
        }
    }

    @Test
    void onlyAdministratorsDeployAndManageIdentities() {
        var bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
                  <bpmn:process id="matrix-deploy" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="StartEvent_1"/>
                  </bpmn:process>
                </bpmn:definitions>""".getBytes(StandardCharsets.UTF_8);
        for (var group : Groups.ALL) {
            var api = Api.at(port).as(group);
            var deployed = api.postFiles("/engine-rest/deployment/create", Map.of("matrix-deploy.bpmn", bpmn),
                    "deployment-name", "matrix-" + group);
            var user = api.post("/engine-rest/user/create", """
                    {"profile":{"id":"matrix%s","firstName":"M","lastName":"X"},"credentials":{"password":"p"}}"""
                    .formatted(group.replace("-", "")));
            var grant = api.post("/engine-rest/authorization/create", """
                    {"type":1,"permissions":["ALL"],"userId":"x","groupId":null,"resourceType":6,"resourceId":"*"}""");
            if (group.equals(Groups.ADMINS)) {
                assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
                repository.deleteDeployment(deployed.json().path("id").asText(), true);
                assertThat(user.status()).isEqualTo(204);
            } else {
                assertThat(deployed.status()).as("%s deploys", group).isEqualTo(403);
                assertThat(user.status()).as("%s creates a user", group).isEqualTo(403);
                assertThat(grant.status()).as("%s grants itself", group).isEqualTo(403);
            }
        }
    }

    @Test
    void instancesAndHistoryAreForOversightOnly() {
        openTask();
        for (var group : Groups.ALL) {
            var api = Api.at(port).as(group);
            var instances = api.get("/engine-rest/process-instance/count").json().path("count").asLong();
            var history = api.get("/engine-rest/history/process-instance/count").json().path("count").asLong();
            var oversight = Set.of(Groups.SUPERVISORS, Groups.SERVICE_MANAGERS, Groups.ADMINS).contains(group);
            assertThat(instances > 0).as("%s counts instances", group).isEqualTo(oversight);
            assertThat(history > 0).as("%s counts history", group).isEqualTo(oversight);
        }
    }

    @Test
    void theActuatorOpensItsProbesToAnyoneAndTheRestToAdministratorsAndOperators() {
        for (var probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            assertThat(Api.at(port).get(probe).status()).as(probe).isEqualTo(200);
        }
        for (var path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/info", "/actuator/health")) {
            assertThat(Api.at(port).get(path).status()).as("%s without credentials", path).isEqualTo(401);
            for (var group : Groups.ALL) {
                var allowed = group.equals(Groups.ADMINS) || group.equals(Groups.OPERATORS);
                assertThat(Api.at(port).as(group).get(path).status()).as("%s as %s", path, group)
                        .isEqualTo(allowed ? 200 : 403);
            }
        }
    }

    @Test
    void staffReadTheProfilesOfTheirOwnGroupsOnly() {
        for (var group : Groups.ALL) {
            var listed = Api.at(port).as(group).get("/engine-rest/user?maxResults=1000");
            assertThat(listed.status()).as(group).isEqualTo(200);
            assertThat(listed.body()).as("%s reads its own profile", group).contains("\"id\":\"" + TestData.user(group) + "\"");
            var readsBilling = listed.body().contains("\"id\":\"" + TestData.user(Groups.BILLING) + "\"");
            assertThat(readsBilling).as("%s reads the billing clerk's profile", group)
                    .isEqualTo(Set.of(Groups.BILLING, Groups.SUPERVISORS, Groups.ADMINS).contains(group));
        }
    }

    @Test
    void webappsAdmitOnlyTheirGroups() {
        for (var group : Groups.ALL) {
            assertThat(login(group, "tasklist")).as("%s logs in to Tasklist", group)
                    .isEqualTo(STAFF.contains(group) || group.equals(Groups.ADMINS));
            assertThat(login(group, "cockpit")).as("%s logs in to Cockpit", group)
                    .isEqualTo(Set.of(Groups.SUPERVISORS, Groups.SERVICE_MANAGERS, Groups.ADMINS).contains(group));
            assertThat(login(group, "admin")).as("%s logs in to Admin", group).isEqualTo(group.equals(Groups.ADMINS));
        }
    }

    private boolean login(String group, String app) {
        return WebappLogin.status(port, TestData.user(group), TestData.PASSWORD, app) == 200;
    }
}
