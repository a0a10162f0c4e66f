package com.gridcare.security;

import com.gridcare.kernel.Groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each production setting of docs/operations.md ("Hardening settings"), checked against the running engine, web layer and database. */
@GridCareTest
class HardeningSettingsTest {

    private static final String BPMN_HEAD = """
            <?xml version="1.0" encoding="UTF-8"?>
            %s<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                              xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                              id="Definitions_Hardening" targetNamespace="https://gridcare.example/test">
              <bpmn:process id="%s" name="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                <bpmn:startEvent id="StartEvent_1"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
                %s
              </bpmn:process>
            </bpmn:definitions>
            """;

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    IdentityService identity;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestData testData;

    private final List<String> deployments = new java.util.ArrayList<>();

    @AfterEach
    void cleanUp() {
        ClockUtil.reset();
        identity.clearAuthentication();
        deployments.forEach(id -> repository.deleteDeployment(id, true, true, true));
        deployments.clear();
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    private static String model(String prolog, String key, String name, String body) {
        return BPMN_HEAD.formatted(prolog, key, name, body);
    }

    private String deploy(String key, String xml) {
        var deployment = repository.createDeployment().name("hardening-test")
                .addString(key + ".bpmn", xml).deploy();
        deployments.add(deployment.getId());
        return deployment.getId();
    }

    private long deploymentsNamed(String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).count();
    }

    @Test
    void engineSettingsAreThoseOfHardeningMd() {
        var config = configuration();

        assertThat(config.getQueryMaxResultsLimit()).isEqualTo(1000);
        assertThat(config.isEnableExpressionsInAdhocQueries()).isFalse();
        assertThat(config.isJavaSerializationFormatEnabled()).isFalse();
        assertThat(config.isDeserializationTypeValidationEnabled()).isTrue();
        assertThat(config.getDeserializationAllowedPackages()).isEqualTo("com.gridcare");
        assertThat(config.isEnableXxeProcessing()).isFalse();
        assertThat(config.getHistoryLevel().getName()).isEqualTo("audit-without-variables");
        assertThat(config.getHistoryLevel().getId()).isEqualTo(HistoryLevel.HISTORY_LEVEL_AUDIT.getId());
        assertThat(config.isEnforceHistoryTimeToLive()).isTrue();
        assertThat(config.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(config.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(config.getFailedJobRetryTimeCycle()).isEqualTo("PT1M,PT10M");
        assertThat(config.getJdbcStatementTimeout()).isEqualTo(30);
        assertThat(context.getBean(CamundaBpmProperties.class).getJobExecution().getLockTimeInMillis())
                .isEqualTo(60_000);
        assertThat(config.isAuthorizationEnabled()).isTrue();
        assertThat(config.isEnforceSpecificVariablePermission()).isTrue();
        assertThat(config.isWebappsAuthenticationLoggingEnabled()).isTrue();
        // GridCare's own SQL has the same bound as the engine's
        assertThat(jdbc.getQueryTimeout()).isEqualTo(30);
    }

    @Test
    void everyShippedProcessHasAHistoryTimeToLive() {
        var definitions = repository.createProcessDefinitionQuery().latestVersion().list();

        assertThat(definitions).isNotEmpty();
        assertThat(definitions).allSatisfy(d -> assertThat(d.getHistoryTimeToLive()).as(d.getKey()).isNotNull()
                .isBetween(1, 3660));
    }

    @Test
    void historyCleanupRunsInTheNightlyWindowOnly() {
        var job = history.cleanUpHistoryAsync();
        var due = job.getDuedate().toInstant().atZone(ZoneId.systemDefault()).toLocalTime();

        assertThat(due.getHour()).as("due %s", due).isBetween(1, 4);
    }

    @Test
    void aModelWithADoctypeOrExternalEntityIsRefused() {
        var key = "hardening-xxe";
        var xml = model("<!DOCTYPE bpmn:definitions [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n", key,
                "&secret;", "<bpmn:endEvent id=\"EndEvent_1\"><bpmn:incoming>Flow_1</bpmn:incoming></bpmn:endEvent>"
                        + "<bpmn:sequenceFlow id=\"Flow_1\" sourceRef=\"StartEvent_1\" targetRef=\"EndEvent_1\"/>");

        assertThatThrownBy(() -> deploy(key, xml)).hasMessageContaining("DOCTYPE");
        assertThat(deploymentsNamed(key)).isZero();
    }

    @Test
    void aModelWithAnEntityExpansionBombIsRefused() {
        var key = "hardening-billion-laughs";
        var entities = new StringBuilder("<!DOCTYPE bpmn:definitions [<!ENTITY a \"aaaaaaaaaa\">");
        for (char c = 'b'; c <= 'j'; c++) {
            var previous = (char) (c - 1);
            entities.append("<!ENTITY ").append(c).append(" \"").append(("&" + previous + ";").repeat(10)).append("\">");
        }
        entities.append("]>\n");
        var xml = model(entities.toString(), key, "&j;", "<bpmn:endEvent id=\"EndEvent_1\"/>");

        assertThatThrownBy(() -> deploy(key, xml)).hasMessageContaining("DOCTYPE");
        assertThat(deploymentsNamed(key)).isZero();
    }

    @Test
    void aModelWithAScriptIsRefusedWhateverItsLanguage() {
        var groovy = "hardening-groovy";
        assertThatThrownBy(() -> deploy(groovy, model("", groovy, "Groovy", """
                <bpmn:scriptTask id="Task_Script" scriptFormat="groovy">
                  <bpmn:incoming>Flow_1</bpmn:incoming>
                  <bpmn:script>"rm -rf /".execute()</bpmn:script>
                </bpmn:scriptTask>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_Script"/>
                """))).hasMessageContaining("Script language 'groovy' is not allowed");
        assertThat(deploymentsNamed(groovy)).isZero();

        var listener = "hardening-js-listener";
        assertThatThrownBy(() -> deploy(listener, model("", listener, "JavaScript listener", """
                <bpmn:endEvent id="EndEvent_1">
                  <bpmn:extensionElements>
                    <camunda:executionListener event="start">
                      <camunda:script scriptFormat="javascript">java.lang.System.exit(1)</camunda:script>
                    </camunda:executionListener>
                  </bpmn:extensionElements>
                  <bpmn:incoming>Flow_1</bpmn:incoming>
                </bpmn:endEvent>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="EndEvent_1"/>
                """))).hasMessageContaining("'javascript' is not allowed");
        assertThat(deploymentsNamed(listener)).isZero();

        // Camunda's JUEL script engine resolves methods on any object, outside the expression sandbox
        var juel = "hardening-juel-script";
        assertThatThrownBy(() -> deploy(juel, model("", juel, "JUEL script", """
                <bpmn:scriptTask id="Task_Script" scriptFormat="juel">
                  <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
                  <bpmn:script>${1 + 1}</bpmn:script>
                </bpmn:scriptTask>
                <bpmn:endEvent id="EndEvent_1"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_Script"/>
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Script" targetRef="EndEvent_1"/>
                """))).hasMessageContaining("Script language 'juel' is not allowed").hasMessageContaining("Task_Script");
        assertThat(deploymentsNamed(juel)).isZero();
    }

    @Test
    void expressionsSeeOnlyWhitelistedBeans() {
        var key = "hardening-bean";
        assertThatThrownBy(() -> deploy(key, model("", key, "Reaches for a bean", """
                <bpmn:serviceTask id="Task_Reach" camunda:expression="${runtimeService.createProcessInstanceQuery().count()}">
                  <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
                </bpmn:serviceTask>
                <bpmn:endEvent id="EndEvent_1"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_Reach"/>
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Reach" targetRef="EndEvent_1"/>
                """))).hasMessageContaining("runtimeService").hasMessageContaining("Task_Reach");

        var named = "hardening-bean-named";
        deploy(named, model("", named, "Names a bean", """
                <bpmn:serviceTask id="Task_Reach" camunda:expression="${dataSource}">
                  <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
                </bpmn:serviceTask>
                <bpmn:endEvent id="EndEvent_1"><bpmn:incoming>Flow_2</bpmn:incoming></bpmn:endEvent>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_Reach"/>
                <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_Reach" targetRef="EndEvent_1"/>
                """));
        assertThatThrownBy(() -> runtime.startProcessInstanceByKey(named)).hasMessageContaining("dataSource");
    }

    @Test
    void everyBeanAShippedModelNamesIsWhitelistedAndNothingElseIs() throws IOException {
        var whitelist = new ExpressionBeans(context);
        var named = new HashSet<String>();
        var root = Pattern.compile("[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)");
        try (var files = Files.list(Path.of("processes"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                var matcher = root.matcher(Files.readString(file));
                while (matcher.find()) named.add(matcher.group(1));
            }
        }
        for (var name : named) {
            if (context.containsBean(name)) {
                assertThat(whitelist.allows(name)).as("bean %s named in a model is whitelisted (a delegate, a "
                        + "listener or @ExpressionBean)", name).isTrue();
            }
        }
        assertThat(whitelist.allows("notifyCustomer")).isTrue();
        assertThat(whitelist.allows("slaClocks")).isTrue();
        for (var forbidden : List.of("dataSource", "runtimeService", "processEngine", "jdbcTemplate",
                "customerRepository", "identityService", "environment", "applicationContext")) {
            assertThat(whitelist.allows(forbidden)).as(forbidden).isFalse();
        }
    }

    @Test
    void variablesAreJsonOrPrimitivesAndOnlyOfGridCareTypes() {
        var key = "hardening-variables";
        deploy(key, model("", key, "Holds variables", """
                <bpmn:receiveTask id="Task_Wait"><bpmn:incoming>Flow_1</bpmn:incoming></bpmn:receiveTask>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_Wait"/>
                """));
        var instance = runtime.startProcessInstanceByKey(key).getId();

        assertThatThrownBy(() -> runtime.setVariable(instance, "javaObject", Variables.serializedObjectValue("rO0AB")
                .serializationDataFormat(SerializationDataFormats.JAVA).objectTypeName("java.util.HashMap").create()))
                .hasMessageContaining("Java serialization");

        // refused when written, so that no task or instance holds a variable nobody can read
        assertThatThrownBy(() -> runtime.setVariable(instance, "foreign", Variables.serializedObjectValue(
                "{\"command\":[\"sh\"]}").serializationDataFormat(SerializationDataFormats.JSON)
                .objectTypeName("java.lang.ProcessBuilder").create()))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("java.lang.ProcessBuilder");
        assertThat(runtime.getVariables(instance)).doesNotContainKey("foreign");

        var types = configuration().getDeserializationTypeValidator();
        assertThat(types.validate("com.gridcare.customer.Tier")).isTrue();
        assertThat(types.validate("java.util.ArrayList<java.lang.String>")).isTrue();
        assertThat(types.validate("java.time.OffsetDateTime")).isTrue();
        assertThat(types.validate("java.lang.ProcessBuilder")).isFalse();
        assertThat(types.validate("java.util.ArrayList<java.lang.Runtime>")).isFalse();
        assertThat(types.validate("com.gridcarex.Evil")).isFalse();
    }

    @Test
    void queriesReturnAtMost1000Rows() {
        identity.setAuthentication("hardening", List.of(Groups.ADMINS));
        try {
            assertThatThrownBy(() -> tasks.createTaskQuery().listPage(0, 1001))
                    .isInstanceOf(BadUserRequestException.class).hasMessageContaining("1000");
            assertThatThrownBy(() -> tasks.createTaskQuery().list()).isInstanceOf(BadUserRequestException.class);
        } finally {
            identity.clearAuthentication();
        }
        testData.users();
        // Tasklist asks for 2000 filters: the request is lowered to the limit instead of failing
        var answer = Api.at(port).as(Groups.ADMINS).get("/engine-rest/filter?maxResults=2000&firstResult=0");
        assertThat(answer.status()).isEqualTo(200);
        var refused = Api.at(port).as(Groups.ADMINS).get("/engine-rest/task?maxResults=99999999999999999999");
        assertThat(refused.status()).isEqualTo(400);
    }

    @Test
    void aFailingJobIsTriedThreeTimesOneThenTenMinutesApart() {
        var key = "hardening-retry";
        deploy(key, model("", key, "Fails", """
                <bpmn:serviceTask id="Task_Fail" camunda:asyncBefore="true" camunda:expression="${noSuchBean}">
                  <bpmn:incoming>Flow_1</bpmn:incoming>
                </bpmn:serviceTask>
                <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_Fail"/>
                """));
        var start = Instant.parse("2026-03-02T02:00:00Z");
        ClockUtil.setCurrentTime(Date.from(start));
        var instance = runtime.startProcessInstanceByKey(key).getId();
        var job = management.createJobQuery().processInstanceId(instance).singleResult();

        assertThatThrownBy(() -> management.executeJob(job.getId())).isNotNull();
        var afterFirst = management.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(afterFirst.getDuedate().toInstant()).isEqualTo(start.plus(Duration.ofMinutes(1)));

        var second = start.plus(Duration.ofMinutes(2));
        ClockUtil.setCurrentTime(Date.from(second));
        assertThatThrownBy(() -> management.executeJob(job.getId())).isNotNull();
        var afterSecond = management.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(afterSecond.getDuedate().toInstant()).isEqualTo(second.plus(Duration.ofMinutes(10)));
        assertThat(afterSecond.getRetries()).isEqualTo(1);

        ClockUtil.setCurrentTime(Date.from(second.plus(Duration.ofMinutes(11))));
        assertThatThrownBy(() -> management.executeJob(job.getId())).isNotNull();
        assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();
        assertThat(runtime.createIncidentQuery().processInstanceId(instance).count()).isOne();
    }

    @Test
    void webappCookiesAreSameSiteStrictAndHeadersHardened() throws Exception {
        testData.users();
        var http = HttpClient.newHttpClient();
        var page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/camunda/app/tasklist/default/")).GET().build(), HttpResponse.BodyHandlers.ofString());
        var cookies = page.headers().allValues("set-cookie");
        var xsrf = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst().orElseThrow();
        assertThat(xsrf).containsIgnoringCase("SameSite=Strict");
        assertThat(page.headers().firstValue("x-content-type-options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("content-security-policy")).isPresent();
        assertThat(page.headers().firstValue("x-xss-protection")).isPresent();

        var token = xsrf.substring("XSRF-TOKEN=".length(), xsrf.indexOf(';'));
        var session = cookies.stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .map(c -> c.substring(0, c.indexOf(';'))).orElse("");
        var login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", token)
                .header("Cookie", "XSRF-TOKEN=" + token + (session.isEmpty() ? "" : "; " + session))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + TestData.user(Groups.CUSTOMER_SERVICE)
                        + "&password=" + TestData.PASSWORD, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        var sessionCookie = login.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(sessionCookie).containsIgnoringCase("SameSite=Strict").containsIgnoringCase("HttpOnly");
    }

    @Test
    void prodProfileAddsSecureCookiesHstsAndPasswordPolicy() throws IOException {
        var prod = new YamlPropertySourceLoader().load("prod", new ClassPathResource("application-prod.yaml")).get(0);

        assertThat(prod.getProperty("server.servlet.session.cookie.secure")).isEqualTo(true);
        assertThat(prod.getProperty("camunda.bpm.webapp.csrf.enable-secure-cookie")).isEqualTo(true);
        assertThat(prod.getProperty("camunda.bpm.webapp.session-cookie.enable-secure-cookie")).isEqualTo(true);
        assertThat(prod.getProperty("camunda.bpm.webapp.header-security.hsts-disabled")).isEqualTo(false);
        assertThat(prod.getProperty("camunda.bpm.generic-properties.properties.enablePasswordPolicy")).isEqualTo(true);
        assertThat(prod.getProperty("camunda.bpm.database.schema-update")).isEqualTo(false);
        assertThat(String.valueOf(prod.getProperty("camunda.bpm.admin-user.password")))
                .isEqualTo("${GRIDCARE_ADMIN_PASSWORD:}");
        assertThat(prod.getProperty("gridcare.demo.enabled")).isEqualTo(false);
    }
}
