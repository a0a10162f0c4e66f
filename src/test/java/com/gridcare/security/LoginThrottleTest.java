package com.gridcare.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.security.LoginThrottle.EntryPoint;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The throttle's rule on its own, with a clock the test moves. */
class LoginThrottleTest {

    private static final String USER = "metering";
    private static final String ATTACKER = "203.0.113.7";
    private static final String OFFICE = "198.51.100.20";

    private Instant now = Instant.parse("2026-03-02T02:00:00Z");
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final LoginThrottle throttle = new LoginThrottle(new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }, metrics);

    /** One wrong password as a client sends it: refused unchecked while the user must wait. */
    private Optional<Duration> wrongPassword(String address) {
        var wait = throttle.waitBeforeCheck(USER, address, EntryPoint.ENGINE_REST);
        if (wait.isEmpty()) throttle.failed(USER, address, EntryPoint.ENGINE_REST);
        return wait;
    }

    @Test
    void theFirstFiveFailuresCostNothingThenTheWaitDoublesUpToAMinute() {
        assertThat(LoginThrottle.delayAfter(4)).isZero();
        assertThat(LoginThrottle.delayAfter(5)).hasSeconds(1);
        assertThat(LoginThrottle.delayAfter(6)).hasSeconds(2);
        assertThat(LoginThrottle.delayAfter(10)).hasSeconds(32);
        assertThat(LoginThrottle.delayAfter(11)).hasSeconds(60);
        assertThat(LoginThrottle.delayAfter(400)).hasSeconds(60);

        for (int i = 0; i < 4; i++) assertThat(wrongPassword(ATTACKER)).isEmpty();
        assertThat(throttle.waitBeforeCheck(USER, ATTACKER, EntryPoint.API)).isEmpty();
        wrongPassword(ATTACKER);
        assertThat(throttle.waitBeforeCheck(USER, ATTACKER, EntryPoint.API)).hasValue(Duration.ofSeconds(1));
    }

    @Test
    void aGuesserNeverLocksTheUserForGoodAndNeverDelaysItElsewhere() {
        long longestWait = 0;
        for (int i = 0; i < 400; i++) {
            now = now.plusSeconds(2);
            var wait = wrongPassword(ATTACKER);
            if (wait.isPresent()) longestWait = Math.max(longestWait, wait.get().toSeconds());
            assertThat(throttle.waitBeforeCheck(USER, OFFICE, EntryPoint.API)).as("from the office, attempt %d", i).isEmpty();
        }
        assertThat(longestWait).isBetween(30L, 60L);
        assertThat(metrics.counter("gridcare.login.failures", "entry_point", "engine-rest", "outcome", "throttled").count())
                .as("attempts refused unchecked").isGreaterThan(300);
        assertThat(metrics.counter("gridcare.login.failures", "entry_point", "engine-rest", "outcome", "rejected").count())
                .as("passwords checked").isLessThan(40);

        now = now.plus(LoginThrottle.MAX_DELAY);
        assertThat(throttle.waitBeforeCheck(USER, ATTACKER, EntryPoint.ENGINE_REST)).isEmpty();
        throttle.succeeded(USER, ATTACKER);
        for (int i = 0; i < 4; i++) assertThat(wrongPassword(ATTACKER)).as("a fresh start after the right password").isEmpty();
    }

    @Test
    void anUnlockOrAQuietQuarterOfAnHourClearsTheFailures() {
        for (int i = 0; i < 8; i++) wrongPassword(ATTACKER);
        assertThat(throttle.waitBeforeCheck(USER, ATTACKER, EntryPoint.WEBAPPS)).isPresent();
        throttle.forget(USER);
        assertThat(throttle.waitBeforeCheck(USER, ATTACKER, EntryPoint.WEBAPPS)).isEmpty();

        for (int i = 0; i < 5; i++) wrongPassword(ATTACKER);
        now = now.plus(LoginThrottle.FORGET_AFTER).plusSeconds(1);
        throttle.failed(USER, ATTACKER, EntryPoint.WEBAPPS);
        assertThat(throttle.waitBeforeCheck(USER, ATTACKER, EntryPoint.WEBAPPS)).as("one failure after a quiet spell").isEmpty();
    }

    @Test
    void aClockThatJumpsBackDoesNotExtendTheWait() {
        for (int i = 0; i < 20; i++) wrongPassword(ATTACKER);
        now = now.minus(Duration.ofDays(365));
        assertThat(throttle.waitBeforeCheck(USER, ATTACKER, EntryPoint.API)).isEmpty();
    }

    @Test
    void theMetricIsTaggedByEntryPointAndOutcomeOnly() {
        wrongPassword(ATTACKER);
        throttle.failed("someone.else", OFFICE, EntryPoint.WEBAPPS);
        assertThat(metrics.find("gridcare.login.failures").counters()).isNotEmpty().allSatisfy(counter -> assertThat(
                counter.getId().getTags()).extracting(tag -> tag.getKey()).containsExactlyInAnyOrder("entry_point", "outcome"));
        assertThat(metrics.find("gridcare.login.failures").counters().toString()).doesNotContain(USER, "someone.else", ATTACKER);
    }
}
