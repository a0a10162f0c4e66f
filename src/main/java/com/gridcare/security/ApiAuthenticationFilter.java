package com.gridcare.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.api.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic authentication for {@code /api/*} against Camunda's identity service, the same users
 * and groups as Tasklist and {@code /engine-rest}; without credentials, the webapps' login session
 * ({@link WebappSession}), for GridCare's Tasklist plugins. A verified credential is remembered for a
 * short while (by its hash) so that a busy channel system does not pay a password hash per call.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

    private static final Duration REMEMBER = Duration.ofSeconds(60);
    private static final int MAX_REMEMBERED = 10_000;

    private record Verified(ApiUser user, long expiresAtNanos) {}

    private final IdentityService identityService;
    private final ObjectMapper json;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    ApiAuthenticationFilter(IdentityService identityService, ObjectMapper json) {
        this.identityService = identityService;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiUser user;
        try {
            user = authenticate(request.getHeader("Authorization"));
            if (user == null && request.getHeader("Authorization") == null) {
                user = WebappSession.user(request);
                if (user != null && !WebappSession.csrfSatisfied(request)) {
                    writeProblem(response, HttpStatus.FORBIDDEN, "Forbidden",
                            "A change through the webapp login needs its CSRF token in " + WebappSession.CSRF_HEADER);
                    return;
                }
            }
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.causes(e)) throw e;
            response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            writeProblem(response, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable",
                    "GridCare cannot reach its database; nothing was changed. Retry with the same Idempotency-Key.");
            return;
        }
        if (user == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"GridCare\", charset=\"UTF-8\"");
            writeProblem(response, HttpStatus.UNAUTHORIZED, "Authentication required",
                    "Send HTTP Basic credentials of a GridCare user");
            return;
        }
        request.setAttribute(ApiUser.REQUEST_ATTRIBUTE, user);
        identityService.setAuthentication(user.id(), user.groups().stream().toList());
        try {
            OnBehalfOfCaller.run(() -> {
                try {
                    chain.doFilter(request, response);
                    return null;
                } catch (IOException | ServletException e) {
                    throw new FilterFailure(e);
                }
            });
        } catch (FilterFailure failure) {
            if (failure.getCause() instanceof IOException io) throw io;
            throw (ServletException) failure.getCause();
        } finally {
            identityService.clearAuthentication();
        }
    }

    private static final class FilterFailure extends RuntimeException {
        FilterFailure(Exception cause) {
            super(cause);
        }
    }

    private ApiUser authenticate(String header) {
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
        verified.put(key, new Verified(user, System.nanoTime() + REMEMBER.toNanos()));
        return user;
    }

    void writeProblem(HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String sha256(String value) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Forget remembered credentials, e.g. after a password or group change. */
    void forgetAll() {
        verified.clear();
    }
}
