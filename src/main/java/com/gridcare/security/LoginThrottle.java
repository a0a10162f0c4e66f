package com.gridcare.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without letting anyone lock an account. Failed logins are counted
 * per user and client address: the first {@value #FREE_FAILURES} in a row cost nothing, each further
 * one makes that user wait from that address 1, 2, 4, … seconds, never more than {@link #MAX_DELAY},
 * before a password is checked again. A right password clears the count; so does an administrator's
 * unlock. Nothing is ever locked for good, and failures from one address never delay the same user
 * elsewhere (a channel system keeps working while someone guesses its password from another address).
 *
 * <p>Kept in memory, per node: with n nodes a guesser gets at most n times the rate.
 */
@Component
public class LoginThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration MAX_DELAY = Duration.ofSeconds(60);
    /** A run of failures older than this is forgotten. */
    static final Duration FORGET_AFTER = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 20_000;

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    /** Where a password was checked, for the metric: a handful of values, never user names. */
    public enum EntryPoint {
        ENGINE_REST("engine-rest"), WEBAPPS("webapps"), API("api"), ACTUATOR("actuator"), IN_PROCESS("in-process");

        final String tag;

        EntryPoint(String tag) {
            this.tag = tag;
        }
    }

    private record Key(String user, String address) {}

    private static final class Failures {
        int count;
        Instant last;
        Instant blockedUntil;
    }

    private final Clock clock;
    private final MeterRegistry metrics;
    /** Oldest first, so that the map stays bounded whatever user names a guesser sends. */
    private final LinkedHashMap<Key, Failures> failures = new LinkedHashMap<>(256, 0.75f, true);

    LoginThrottle(Clock clock, MeterRegistry metrics) {
        this.clock = clock;
        this.metrics = metrics;
        Gauge.builder("gridcare.login.throttled", this, LoginThrottle::throttledNow)
                .description("user and client address pairs whose logins wait now after repeated failures")
                .register(metrics);
    }

    /**
     * How long this user must still wait from this address before a password is checked; empty when
     * it may be checked now. A refused attempt is counted in the metric but does not lengthen the wait.
     */
    public synchronized Optional<Duration> waitBeforeCheck(String user, String address, EntryPoint entryPoint) {
        var state = failures.get(new Key(user, address));
        var now = clock.instant();
        if (state == null || state.blockedUntil == null || now.isBefore(state.last) || !now.isBefore(state.blockedUntil)) {
            return Optional.empty();
        }
        count(entryPoint, "throttled");
        log.debug("login of {} from {} through {} refused unchecked: wait until {}", user, address, entryPoint.tag,
                state.blockedUntil);
        var wait = Duration.between(now, state.blockedUntil);
        return Optional.of(wait.isZero() ? Duration.ofSeconds(1) : wait);
    }

    /** A wrong password (or an unknown user) was checked. */
    public synchronized void failed(String user, String address, EntryPoint entryPoint) {
        count(entryPoint, "rejected");
        var now = clock.instant();
        var key = new Key(user, address);
        var state = failures.get(key);
        if (state == null || now.isBefore(state.last) || now.isAfter(state.last.plus(FORGET_AFTER))) {
            state = new Failures();
            failures.put(key, state);
            trim();
        }
        state.count++;
        state.last = now;
        if (state.count < FREE_FAILURES) {
            log.info("failed login of {} from {} through {} ({} in a row)", user, address, entryPoint.tag, state.count);
            return;
        }
        var delay = delayAfter(state.count);
        state.blockedUntil = now.plus(delay);
        log.warn("failed login of {} from {} through {} ({} in a row): its next login from there waits {} s",
                user, address, entryPoint.tag, state.count, delay.toSeconds());
    }

    /** The wait after the n-th failure in a row: 1 s after the {@value #FREE_FAILURES}th, doubling, at most a minute. */
    static Duration delayAfter(int failuresInARow) {
        if (failuresInARow < FREE_FAILURES) return Duration.ZERO;
        var doublings = Math.min(failuresInARow - FREE_FAILURES, 6);
        var delay = Duration.ofSeconds(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** The right password: the user starts afresh from this address. */
    public synchronized void succeeded(String user, String address) {
        if (!failures.isEmpty()) failures.remove(new Key(user, address));
    }

    /** An administrator's unlock: the user starts afresh from every address (on this node). */
    public synchronized void forget(String user) {
        failures.keySet().removeIf(key -> key.user().equals(user));
    }

    private synchronized int throttledNow() {
        var now = clock.instant();
        int blocked = 0;
        for (var state : failures.values()) {
            if (state.blockedUntil != null && !now.isBefore(state.last) && now.isBefore(state.blockedUntil)) blocked++;
        }
        return blocked;
    }

    private void trim() {
        if (failures.size() <= MAX_TRACKED) return;
        var now = clock.instant();
        failures.values().removeIf(state -> now.isAfter(state.last.plus(FORGET_AFTER)) || now.isBefore(state.last));
        var oldest = failures.entrySet().iterator();
        while (failures.size() > MAX_TRACKED && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    private void count(EntryPoint entryPoint, String outcome) {
        Counter.builder("gridcare.login.failures").description("failed logins by where they came in and what happened")
                .tag("entry_point", entryPoint.tag).tag("outcome", outcome).register(metrics).increment();
    }
}
