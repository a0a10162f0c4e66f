package com.gridcare.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;

/**
 * HTTP Basic credentials checked against Camunda's identity service (and so through
 * {@link LoginThrottle}), for GridCare's API and the actuator. A verified credential is remembered
 * for a short while (by its hash) so that a busy channel system does not pay a password hash per call.
 */
final class BasicCredentials {

    private static final int MAX_REMEMBERED = 10_000;

    private record Verified(ApiUser user, long expiresAtNanos) {}

    private final IdentityService identityService;
    private final Duration remember;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    BasicCredentials(IdentityService identityService, Duration remember) {
        this.identityService = identityService;
        this.remember = remember;
    }

    /** The user the {@code Authorization} header names with the right password; null otherwise. */
    ApiUser authenticate(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        var token = header.substring(6).trim();
        var key = sha256(token);
        var remembered = verified.get(key);
        if (remembered != null && remembered.expiresAtNanos() - System.nanoTime() > 0) {
            return remembered.user();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0 || colon > 128) {
            return null;
        }
        var userId = decoded.substring(0, colon);
        var password = decoded.substring(colon + 1);
        if (!identityService.checkPassword(userId, password)) {
            return null;
        }
        var groups = new HashSet<String>();
        for (Group group : identityService.createGroupQuery().groupMember(userId).list()) {
            groups.add(group.getId());
        }
        var user = new ApiUser(userId, Set.copyOf(groups));
        if (verified.size() >= MAX_REMEMBERED) {
            verified.clear();
        }
        if (!remember.isZero()) verified.put(key, new Verified(user, System.nanoTime() + remember.toNanos()));
        return user;
    }

    private static String sha256(String value) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
