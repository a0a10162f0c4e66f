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
 * Passwords checked against Camunda's identity service, its own tables or the directory (and so through
 * {@link LoginThrottle}), for GridCare's API and {@code /engine-rest} ({@link IdentityAuthentication}) and
 * the actuator ({@link ActuatorAccessFilter}). A verified credential is remembered
 * for a short while (by its hash) so that a busy channel system does not pay a password hash per call.
 */
final class BasicCredentials {

    private static final int MAX_REMEMBERED = 10_000;
    /** Longer than any identity source's user id column (Camunda's is 64): refused unchecked. */
    static final int MAX_USER_ID = 128;

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
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        return check(decoded.substring(0, colon), decoded.substring(colon + 1));
    }

    /**
     * The user with this id and password, with its groups; null for a wrong password, an unknown user,
     * or a user id no identity source could hold (longer than {@value #MAX_USER_ID} characters).
     */
    ApiUser check(String userId, String password) {
        if (userId == null || password == null || userId.isEmpty() || userId.length() > MAX_USER_ID) {
            return null;
        }
        var key = sha256(userId + '\u0000' + password);
        var remembered = verified.get(key);
        if (remembered != null && remembered.expiresAtNanos() - System.nanoTime() > 0) {
            return remembered.user();
        }
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
