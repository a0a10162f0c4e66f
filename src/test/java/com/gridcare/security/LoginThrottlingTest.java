package com.gridcare.security;

import com.gridcare.kernel.Groups;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wrong passwords from a client without a login, through every way in: they slow that user down from
 * that address for at most a minute and never lock the account. "Several minutes" pass on the engine's
 * clock, which the throttle reads, so the test takes seconds.
 */
@GridCareTest
class LoginThrottlingTest {

    private static final String PASSWORD = "right-password";
    private static final AtomicInteger USERS = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    IdentityService identity;
    @Autowired
    MeterRegistry metrics;
    @Autowired
    JdbcTemplate jdbc;

    private Instant now = Instant.parse("2026-03-02T02:00:00Z");

    @BeforeEach
    void fixTheClock() {
        testData.users();
        ClockUtil.setCurrentTime(Date.from(now));
    }

    @AfterEach
    void resetTheClock() {
        ClockUtil.reset();
    }

    private void advance(Duration duration) {
        now = now.plus(duration);
        ClockUtil.setCurrentTime(Date.from(now));
    }

    /** A user of its own per test, so that no other test's logins interfere. */
    private String user(String group) {
        var id = "throttle" + group.replace("-", "") + USERS.incrementAndGet() + (System.nanoTime() % 100_000);
        var user = identity.newUser(id);
        user.setFirstName("Throttle");
        user.setLastName("Test");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, group);
        return id;
    }

    private double failures(String entryPoint, String outcome) {
        var counter = metrics.find("gridcare.login.failures").tag("entry_point", entryPoint).tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    /**
     * 400 wrong passwords two seconds apart (13 minutes), then the right one: it works at once, or after
     * the Retry-After the answer names, which is never more than a minute.
     */
    private void guessingNeverLocksTheAccount(String user, Function<Api, Api.Answer> call, int authenticated) {
        int throttled = 0;
        for (int i = 0; i < 400; i++) {
            advance(Duration.ofSeconds(2));
            var answer = call.apply(Api.at(port).as(user, "guess-" + i));
            assertThat(answer.status()).as("guess %d: %s", i, answer.body()).isIn(401, 429);
            if (answer.status() == 429) {
                throttled++;
                assertThat(Integer.parseInt(answer.headers().get("retry-after").get(0))).isBetween(1, 60);
            }
        }
        assertThat(throttled).as("guesses refused without checking the password").isGreaterThan(300);

        var right = call.apply(Api.at(port).as(user, PASSWORD));
        if (right.status() == 429) {
            var retryAfter = Integer.parseInt(right.headers().get("retry-after").get(0));
            assertThat(retryAfter).isBetween(1, 60);
            advance(Duration.ofSeconds(retryAfter));
            right = call.apply(Api.at(port).as(user, PASSWORD));
        }
        assertThat(right.status()).as(right.body()).isEqualTo(authenticated);
        var stored = (UserEntity) identity.createUserQuery().userId(user).singleResult();
        assertThat(stored.getAttempts()).as("the engine's own lock counter").isZero();
        assertThat(stored.getLockExpirationTime()).isNull();
    }

    @Test
    void fourHundredGuessesNeverLockAMemberOfStaff() {
        var before = failures("engine-rest", "throttled");
        guessingNeverLocksTheAccount(user(Groups.METERING), api -> api.get("/engine-rest/task?maxResults=1"), 200);
        assertThat(failures("engine-rest", "throttled") - before).isGreaterThan(300);
    }

    @Test
    void fourHundredGuessesNeverLockAChannelSystem() {
        var before = failures("api", "rejected");
        // authenticated and allowed, the unknown case answers 404
        guessingNeverLocksTheAccount(user(Groups.CHANNEL_SYSTEMS), api -> api.get("/api/v1/cases/CMP-1999-000001"), 404);
        assertThat(failures("api", "rejected") - before).isBetween(5.0, 40.0);
    }

    @Test
    void theWaitHoldsForEveryWayInAndAnAdministratorCanEndIt() {
        var user = user(Groups.CUSTOMER_SERVICE);
        for (int i = 0; i < 8; i++) Api.at(port).as(user, "guess").get("/engine-rest/task?maxResults=1");

        var api = Api.at(port).as(user, PASSWORD).get("/api/v1/cases/CMP-1999-000001");
        assertThat(api.status()).isEqualTo(429);
        assertThat(api.contentType()).contains("application/problem+json");
        assertThat(api.json().path("detail").asText()).contains("retry after");
        assertThat(Api.at(port).as(user, PASSWORD).get("/engine-rest/task?maxResults=1").status()).isEqualTo(429);
        assertThat(webappLogin(user, PASSWORD)).isEqualTo(429);
        assertThat(Api.at(port).as(user, PASSWORD).get("/actuator/health").status()).isEqualTo(429);

        assertThat(Api.at(port).as(Groups.CUSTOMER_SERVICE).post("/api/v1/admin/users/" + user + "/unlock").status())
                .as("only administrators unlock").isEqualTo(403);
        assertThat(Api.at(port).as(Groups.ADMINS).post("/api/v1/admin/users/nosuchuserhere/unlock").status())
                .isEqualTo(404);
        assertThat(Api.at(port).as(Groups.ADMINS).post("/api/v1/admin/users/" + user + "/unlock").status())
                .isEqualTo(204);

        assertThat(webappLogin(user, PASSWORD)).isEqualTo(200);
        assertThat(Api.at(port).as(user, PASSWORD).get("/engine-rest/task?maxResults=1").status()).isEqualTo(200);
    }

    @Test
    void camundasOwnUnlockClearsTheWaitToo() {
        var user = user(Groups.BILLING);
        for (int i = 0; i < 8; i++) Api.at(port).as(user, "guess").get("/engine-rest/task?maxResults=1");
        assertThat(Api.at(port).as(user, PASSWORD).get("/engine-rest/task?maxResults=1").status()).isEqualTo(429);

        // the test administrator is also a Camunda administrator
        assertThat(Api.at(port).as(Groups.ADMINS).post("/engine-rest/user/" + user + "/unlock").status()).isEqualTo(204);
        assertThat(Api.at(port).as(user, PASSWORD).get("/engine-rest/task?maxResults=1").status()).isEqualTo(200);
    }

    @Test
    void aLockTheEngineSetBeforeIsIgnoredAndCleared() {
        var user = user(Groups.FIELD_SERVICE);
        jdbc.update("UPDATE ACT_ID_USER SET ATTEMPTS_ = 10, LOCK_EXP_TIME_ = ? WHERE ID_ = ?",
                java.sql.Timestamp.from(now.plus(Duration.ofDays(3650))), user);

        assertThat(Api.at(port).as(user, PASSWORD).get("/engine-rest/task?maxResults=1").status()).isEqualTo(200);
        var stored = (UserEntity) identity.createUserQuery().userId(user).singleResult();
        assertThat(stored.getAttempts()).isZero();
        assertThat(stored.getLockExpirationTime()).isNull();
    }

    @Test
    void failedLoginsAreCountedByEntryPointForOperators() {
        var user = user(Groups.SURVEY_TEAM);
        var before = failures("webapps", "rejected");
        Api.at(port).as(user, "guess").get("/engine-rest/task?maxResults=1");
        webappLogin(user, "guess");

        assertThat(failures("webapps", "rejected") - before).isEqualTo(1.0);
        var scraped = Api.at(port).as(Groups.OPERATORS).get("/actuator/prometheus");
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.body()).contains("gridcare_login_failures_total{entry_point=\"engine-rest\",outcome=\"rejected\"}")
                .contains("gridcare_login_failures_total{entry_point=\"webapps\",outcome=\"rejected\"}")
                .contains("gridcare_login_throttled").doesNotContain(user);
    }

    private int webappLogin(String user, String password) {
        return WebappLogin.status(port, user, password, "tasklist");
    }
}
