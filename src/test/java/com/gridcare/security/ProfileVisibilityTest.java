package com.gridcare.security;

import com.gridcare.kernel.Groups;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Who may read whose name and e-mail through {@code /engine-rest} (and so in Tasklist): staff the
 * members of their own groups, supervisors also the front line they reassign work to, administrators
 * everyone; kept right when memberships change.
 */
@GridCareTest
class ProfileVisibilityTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    IdentityService identity;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    IdentitySetup identitySetup;

    private final String agent = TestData.user(Groups.CUSTOMER_SERVICE);

    @BeforeEach
    void users() {
        testData.users();
    }

    private static Set<String> ids(JsonNode users) {
        var ids = new TreeSet<String>();
        users.forEach(user -> ids.add(user.path("id").asText()));
        return ids;
    }

    private Set<String> listedFor(String group) {
        var answer = Api.at(port).as(group).get("/engine-rest/user?maxResults=1000");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var count = Api.at(port).as(group).get("/engine-rest/user/count").json().path("count").asInt();
        var listed = ids(answer.json());
        assertThat(count).as("count for %s", group).isEqualTo(listed.size());
        return listed;
    }

    private Set<String> membersOf(String group) {
        var members = new TreeSet<String>();
        identity.createUserQuery().memberOfGroup(group).list().forEach(user -> members.add(user.getId()));
        return members;
    }

    @Test
    void anAgentReadsOnlyTheMembersOfItsOwnGroups() {
        var listed = listedFor(Groups.CUSTOMER_SERVICE);

        assertThat(listed).contains(agent).containsAll(membersOf(Groups.CUSTOMER_SERVICE))
                .doesNotContain(TestData.user(Groups.BILLING), TestData.user(Groups.CHANNEL_SYSTEMS),
                        TestData.user(Groups.ADMINS), TestData.user(Groups.SUPERVISORS));
        var api = Api.at(port).as(Groups.CUSTOMER_SERVICE);
        assertThat(api.get("/engine-rest/user/" + agent + "/profile").status()).isEqualTo(200);
        assertThat(api.get("/engine-rest/user/" + TestData.user(Groups.BILLING) + "/profile").status()).isEqualTo(404);
        // billing's members the agent reads are those that also work in customer service
        assertThat(ids(api.get("/engine-rest/user?memberOfGroup=" + Groups.BILLING + "&maxResults=100").json()))
                .doesNotContain(TestData.user(Groups.BILLING)).isSubsetOf(membersOf(Groups.CUSTOMER_SERVICE));
        // Tasklist's "group users" view of another user's groups lists no one the agent may not read
        var colleague = "profilebilling" + (System.nanoTime() % 100_000);
        identity.saveUser(identity.newUser(colleague));
        identity.createMembership(colleague, Groups.BILLING);
        try {
            var groupUsers = api.get("/engine-rest/identity/groups?userId=" + TestData.user(Groups.BILLING)).json();
            assertThat(groupUsers.path("groups").toString()).contains(Groups.BILLING);
            assertThat(ids(groupUsers.path("groupUsers"))).doesNotContain(colleague);
            var asBilling = Api.at(port).as(Groups.BILLING).get("/engine-rest/identity/groups?userId="
                    + TestData.user(Groups.BILLING)).json();
            assertThat(ids(asBilling.path("groupUsers"))).contains(colleague);
        } finally {
            identity.deleteUser(colleague);
        }
    }

    @Test
    void aSupervisorReadsTheFrontLineItReassignsToButNotTheRest() {
        var listed = listedFor(Groups.SUPERVISORS);

        for (var group : GroupPermissions.frontLine()) {
            assertThat(listed).as(group).containsAll(membersOf(group));
        }
        assertThat(listed).contains(TestData.user(Groups.SUPERVISORS))
                .doesNotContain(TestData.user(Groups.CHANNEL_SYSTEMS), TestData.user(Groups.RULE_ANALYSTS),
                        TestData.user(Groups.SERVICE_MANAGERS), TestData.user(Groups.ADMINS),
                        TestData.user(Groups.OPERATORS));
    }

    @Test
    void anAdministratorReadsEveryone() {
        var all = new TreeSet<String>();
        identity.createUserQuery().list().forEach(user -> all.add(user.getId()));

        assertThat(listedFor(Groups.ADMINS)).isEqualTo(all);
    }

    @Test
    void whatStaffReadFollowsMembershipChanges() {
        var admin = Api.at(port).as(Groups.ADMINS);
        var newcomer = "profilenewcomer" + (System.nanoTime() % 100_000);
        assertThat(admin.post("/engine-rest/user/create", """
                {"profile":{"id":"%s","firstName":"New","lastName":"Comer","email":"new@example.com"},
                 "credentials":{"password":"newcomer-1"}}""".formatted(newcomer)).status()).isEqualTo(204);
        try {
            assertThat(listedFor(Groups.CUSTOMER_SERVICE)).doesNotContain(newcomer);

            assertThat(admin.put("/engine-rest/group/" + Groups.CUSTOMER_SERVICE + "/members/" + newcomer, "").status())
                    .isEqualTo(204);
            assertThat(listedFor(Groups.CUSTOMER_SERVICE)).contains(newcomer);
            assertThat(listedFor(Groups.SUPERVISORS)).contains(newcomer);
            assertThat(listedFor(Groups.BILLING)).doesNotContain(newcomer);

            identity.createMembership(newcomer, Groups.BILLING);
            identity.deleteMembership(newcomer, Groups.CUSTOMER_SERVICE);
            assertThat(listedFor(Groups.CUSTOMER_SERVICE)).doesNotContain(newcomer);
            assertThat(listedFor(Groups.BILLING)).contains(newcomer);
            assertThat(listedFor(Groups.SUPERVISORS)).as("still front line").contains(newcomer);

            identity.deleteMembership(newcomer, Groups.BILLING);
            assertThat(listedFor(Groups.BILLING)).doesNotContain(newcomer);
            assertThat(listedFor(Groups.SUPERVISORS)).doesNotContain(newcomer);
        } finally {
            identity.deleteUser(newcomer);
        }
    }

    @Test
    void aDatabaseFromBeforeLosesStaffsReadOnEveryUserAtStart() {
        var everyone = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        everyone.setGroupId(Groups.CUSTOMER_SERVICE);
        everyone.setResource(Resources.USER);
        everyone.setResourceId(Authorization.ANY);
        everyone.addPermission(Permissions.READ);
        authorizations.saveAuthorization(everyone);
        var ownGroup = authorizations.createAuthorizationQuery().groupIdIn(Groups.CUSTOMER_SERVICE)
                .resourceType(Resources.USER).resourceId(agent).singleResult();
        authorizations.deleteAuthorization(ownGroup.getId());
        assertThat(listedFor(Groups.CUSTOMER_SERVICE)).contains(TestData.user(Groups.BILLING));

        identitySetup.afterSingletonsInstantiated();

        assertThat(authorizations.createAuthorizationQuery().groupIdIn(Groups.CUSTOMER_SERVICE)
                .resourceType(Resources.USER).resourceId(Authorization.ANY).count()).isZero();
        assertThat(listedFor(Groups.CUSTOMER_SERVICE)).doesNotContain(TestData.user(Groups.BILLING));
        assertThat(authorizations.createAuthorizationQuery().groupIdIn(Groups.CUSTOMER_SERVICE)
                .resourceType(Resources.USER).resourceId(agent).count()).as("the member grant, given back").isOne();
        assertThat(listedFor(Groups.SUPERVISORS)).contains(agent);
    }
}
