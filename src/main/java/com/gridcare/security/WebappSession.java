package com.gridcare.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;

/**
 * The Camunda webapps' login session as a caller of GridCare's API: GridCare's Tasklist plugins call
 * {@code /api/v1} with the session of the user logged in to Tasklist (same user, same groups as the
 * webapp holds for them). A call that changes something must carry the webapp's CSRF token in
 * {@value #CSRF_HEADER}, as Tasklist's own calls do.
 */
final class WebappSession {

    static final String CSRF_HEADER = "X-XSRF-TOKEN";
    /** Where Camunda's webapps keep the session's logins and its CSRF token. */
    private static final String AUTHENTICATIONS_ATTRIBUTE = "authenticatedUser";
    private static final String CSRF_TOKEN_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private WebappSession() {
    }

    /** The user logged in to the webapps in this request's session, or null. */
    static ApiUser user(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session == null || !(session.getAttribute(AUTHENTICATIONS_ATTRIBUTE) instanceof Authentications logins)) {
            return null;
        }
        for (var login : logins.getAuthentications()) {
            if (login.getIdentityId() != null) {
                var groups = login.getGroupIds() == null ? Set.<String>of() : Set.copyOf(login.getGroupIds());
                return new ApiUser(login.getIdentityId(), groups);
            }
        }
        return null;
    }

    /** Whether the request may go ahead on the session's login: reading always, changing with the CSRF token. */
    static boolean csrfSatisfied(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) return true;
        var session = request.getSession(false);
        var expected = session == null ? null : session.getAttribute(CSRF_TOKEN_ATTRIBUTE);
        var sent = request.getHeader(CSRF_HEADER);
        return expected instanceof String token && sent != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
