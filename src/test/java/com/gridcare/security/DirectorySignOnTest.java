package com.gridcare.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.DirectoryTest;
import com.gridcare.testsupport.TestData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.FileSystemResource;

/**
 * Directory sign-on against a real LDAP server (UnboundID, in-process): directory users log in to every
 * way in with their directory password and work as the GridCare groups mapped from their directory
 * groups; a directory user outside those groups gets nothing; local accounts keep working beside the
 * directory; guessing is throttled the same way; and login names carrying LDAP filter syntax never
 * log anyone in, nor fail the server (issue 22's LDAP injection).
 */
@DirectoryTest
@Tag("database")
class DirectorySignOnTest {

    /** A hotline agent in the directory group "CS Hotline Agents", mapped to customer-service. */
    private static final String AGENT = "wang.fang";
    private static final String AGENT_PASSWORD = "Hotline-2026";
    /** In the directory group "Sales" only, which GridCare does not map. */
    private static final String OUTSIDER = "zhao.lei";
    private static final String OUTSIDER_PASSWORD = "Sales-2026";
    private static final AtomicInteger LOCAL = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    IdentityService identity;

    @BeforeEach
    void users() {
        testData.users();
    }

    private List<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).sorted().toList();
    }

    @Test
    void aDirectoryUserWorksAsTheGridCareGroupsMappedFromTheirDirectoryGroups() {
        assertThat(identity.checkPassword(AGENT, AGENT_PASSWORD)).isTrue();
        assertThat(identity.checkPassword(AGENT, "test")).isFalse();
        assertThat(groupsOf(AGENT)).containsExactly(Groups.CUSTOMER_SERVICE);
        assertThat(identity.createUserQuery().memberOfGroup(Groups.CUSTOMER_SERVICE).list())
                .extracting(u -> u.getId()).contains(AGENT, TestData.user(Groups.CUSTOMER_SERVICE));
        assertThat(identity.createUserQuery().userId(AGENT).singleResult().getLastName()).isEqualTo("Wang");

        var agent = Api.at(port).as(AGENT, AGENT_PASSWORD);
        assertThat(agent.get("/engine-rest/task?maxResults=10").status()).isEqualTo(200);
        var groups = agent.get("/engine-rest/group?maxResults=50&member=" + AGENT);
        assertThat(groups.body()).contains("\"id\":\"customer-service\"").doesNotContain("CS Hotline Agents");
        // allowed to customer service: an unknown case answers 404, not 401 or 403
        assertThat(agent.get("/api/v1/cases/CMP-1999-000001").status()).isEqualTo(404);
        assertThat(agent.get("/api/v1/rules?history=0").status()).as("rule analysts only").isEqualTo(403);
        assertThat(WebappLogin.status(port, AGENT, AGENT_PASSWORD, "tasklist")).isEqualTo(200);
        assertThat(WebappLogin.status(port, AGENT, AGENT_PASSWORD, "cockpit")).isNotEqualTo(200);
        assertThat(Api.at(port).as(AGENT, "wrong").get("/api/v1/cases/CMP-1999-000001").status()).isEqualTo(401);
    }

    @Test
    void aDirectoryUserOutsideGridCaresGroupsGetsNothing() {
        assertThat(identity.checkPassword(OUTSIDER, OUTSIDER_PASSWORD)).isTrue();
        assertThat(groupsOf(OUTSIDER)).as("Sales is not mapped").isEmpty();

        var outsider = Api.at(port).as(OUTSIDER, OUTSIDER_PASSWORD);
        for (var path : List.of("/api/v1/cases/CMP-1999-000001", "/api/v1/customers/X-1", "/api/v1/search?q=x")) {
            assertThat(outsider.get(path).status()).as(path).isEqualTo(403);
        }
        assertThat(outsider.post("/api/v1/complaints", "{}").status()).isEqualTo(403);
        var tasks = outsider.get("/engine-rest/task/count");
        assertThat(tasks.status()).isEqualTo(200);
        assertThat(tasks.json().path("count").asLong()).isZero();
        assertThat(outsider.get("/engine-rest/process-instance/count").json().path("count").asLong()).isZero();
        for (var app : List.of("tasklist", "cockpit", "admin")) {
            assertThat(WebappLogin.status(port, OUTSIDER, OUTSIDER_PASSWORD, app)).as(app).isNotEqualTo(200);
        }
    }

    @Test
    void localAccountsWorkBesideTheDirectoryButDirectoryUsersAreTheDirectorysToChange() {
        var id = "channelportal" + LOCAL.incrementAndGet() + (System.nanoTime() % 10_000);
        var user = identity.newUser(id);
        user.setFirstName("Web");
        user.setLastName("Portal");
        user.setPassword("portal-secret");
        identity.saveUser(user);
        identity.createMembership(id, Groups.CHANNEL_SYSTEMS);

        assertThat(groupsOf(id)).containsExactly(Groups.CHANNEL_SYSTEMS);
        assertThat(identity.createUserQuery().memberOfGroup(Groups.CHANNEL_SYSTEMS).list()).extracting(u -> u.getId())
                .contains(id, TestData.user(Groups.CHANNEL_SYSTEMS));
        var portal = Api.at(port).as(id, "portal-secret");
        assertThat(portal.get("/api/v1/cases/CMP-1999-000001").status()).isEqualTo(404);
        assertThat(WebappLogin.status(port, id, "portal-secret", "tasklist")).as("channel systems have no Tasklist")
                .isNotEqualTo(200);

        assertThatThrownBy(() -> identity.createMembership(AGENT, Groups.BILLING))
                .isInstanceOf(BadUserRequestException.class).hasMessageContaining("directory");
        var admin = Api.at(port).as(Groups.ADMINS);
        assertThat(admin.put("/engine-rest/group/billing/members/" + AGENT, "{}").status()).isEqualTo(400);
        assertThat(groupsOf(AGENT)).containsExactly(Groups.CUSTOMER_SERVICE);
        // a local account under a directory user's name (ids with a dot, like wang.fang, Camunda refuses anyway)
        var billing = TestData.user(Groups.BILLING);
        var clash = identity.newUser(billing);
        clash.setPassword("local-password");
        assertThatThrownBy(() -> identity.saveUser(clash)).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("directory");
        assertThat(identity.checkPassword(billing, "local-password")).isFalse();
    }

    @Test
    void guessingADirectoryPasswordIsThrottledLikeAnyOther() {
        // a directory user no other test logs in (a right password is remembered for a minute, throttle or not)
        var reader = "li.na";
        var statuses = new ArrayList<Integer>();
        for (int i = 0; i < 8; i++) {
            statuses.add(Api.at(port).as(reader, "guess-" + i).get("/engine-rest/task?maxResults=1").status());
        }
        assertThat(statuses).containsOnly(401, 429).contains(429);
        assertThat(Api.at(port).as(reader, "Meter-2026").get("/api/v1/cases/CMP-1999-000001").status()).isEqualTo(429);
        assertThat(Api.at(port).as(Groups.ADMINS).post("/api/v1/admin/users/" + reader + "/unlock").status())
                .isEqualTo(204);
        assertThat(Api.at(port).as(reader, "Meter-2026").get("/engine-rest/task?maxResults=1").status()).isEqualTo(200);
    }

    /**
     * Login names with LDAP filter syntax, sent with passwords that are right for some directory user:
     * each is looked up as the literal name it is (there is none), so the answer is 401 through every way in,
     * never a login as someone else and never a server error.
     */
    @Test
    void loginNamesWithLdapFilterSyntaxNeverLogAnyoneIn() {
        var names = List.of("*", "**", "bill*", "*ing", "b*g", "*)(uid=*", "billing)(|(uid=*", "*)(|(objectclass=*)",
                "billing)(userPassword=*", "(uid=billing)", ")(", "billing\\", "\\2a", "bill\\2aing", "billing\u0000",
                "billing\u0000)(uid=*", "\u0000", "*\u0000*", "billing)", "(|(uid=billing)(uid=wang.fang))",
                "cn=Billing Office,ou=groups,dc=gridcare,dc=example", "uid=billing,ou=people,dc=gridcare,dc=example",
                "billing*)(&", "wang.fang*", "wang.fang\\", "*" + "a".repeat(200));
        var failures = new ArrayList<String>();
        for (var name : names) {
            for (var password : List.of(TestData.PASSWORD, AGENT_PASSWORD)) {
                var api = Api.at(port).as(name, password);
                check(failures, name, "api", api.get("/api/v1/cases/CMP-1999-000001").status());
                check(failures, name, "engine-rest", api.get("/engine-rest/task?maxResults=1").status());
                check(failures, name, "webapp", WebappLogin.status(port, name, password, "tasklist"));
                assertThat(identity.checkPassword(name, password)).as(name).isFalse();
            }
        }
        assertThat(failures).isEmpty();
        // the directory still answers, and the names tried never became anyone's throttle
        assertThat(Api.at(port).as(Groups.BILLING).get("/engine-rest/task?maxResults=1").status()).isIn(200, 429);
        assertThat(Api.at(port).as(AGENT, AGENT_PASSWORD).get("/engine-rest/task?maxResults=1").status()).isEqualTo(200);
    }

    private static void check(List<String> failures, String name, String entry, int status) {
        // 401: no such user; 400 for a name the HTTP layer itself refuses; 429 once a name was tried too often
        if (status != 401 && status != 400 && status != 429) {
            failures.add("%s through %s: %d".formatted(name.replace("\u0000", "\\0"), entry, status));
        }
    }

    @Test
    void aGroupMappingThatCannotWorkStopsStartUpNamingTheProperty() {
        var settings = new HashMap<String, String>();
        settings.put("gridcare.security.directory.enabled", "true");
        settings.put("gridcare.security.directory.url", "ldap://directory.example:389");
        settings.put("gridcare.security.directory.groups.sales", "Sales");
        assertThatThrownBy(() -> bind(settings)).isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("gridcare.security.directory.groups.sales").hasMessageContaining("not a GridCare group");

        settings.remove("gridcare.security.directory.groups.sales");
        settings.put("gridcare.security.directory.groups.billing", "Office");
        settings.put("gridcare.security.directory.groups.metering", "Office");
        assertThatThrownBy(() -> bind(settings)).rootCause().hasMessageContaining("mapped twice");

        settings.put("gridcare.security.directory.groups.metering", "Metering Office");
        settings.put("gridcare.security.directory.url", "directory.example");
        assertThatThrownBy(() -> bind(settings)).rootCause().hasMessageContaining("gridcare.security.directory.url");

        settings.put("gridcare.security.directory.url", "ldaps://directory.example:636");
        var bound = bind(settings);
        assertThat(bound.directory().groups()).containsEntry("billing", "Office").containsEntry("metering", "Metering Office");
        assertThat(bound.directory().userIdAttribute()).isEqualTo("uid");
        assertThat(bound.passwordHashing().iterations()).isEqualTo(210_000);
    }

    /** These settings over application.yaml, where every other directory setting has its default. */
    private static SecurityProperties bind(java.util.Map<String, String> settings) {
        try {
            var defaults = new YamlPropertySourceLoader().load("application.yaml",
                    new FileSystemResource("src/main/resources/application.yaml"));
            var sources = new ArrayList<ConfigurationPropertySource>();
            sources.add(new MapConfigurationPropertySource(settings));
            ConfigurationPropertySources.from(defaults)
                    .forEach(sources::add);
            return new Binder(sources).bindOrCreate("gridcare.security", SecurityProperties.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
