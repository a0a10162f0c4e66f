package com.gridcare.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.api.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic authentication for {@code /api/*} against Camunda's identity service, the same users
 * and groups as Tasklist and {@code /engine-rest} ({@link BasicCredentials}); without credentials, the
 * webapps' login session ({@link WebappSession}), for GridCare's Tasklist plugins. A caller whose user
 * must wait after repeated wrong passwords from its address ({@link LoginThrottle}) is answered 429.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final BasicCredentials credentials;
    private final ObjectMapper json;

    ApiAuthenticationFilter(IdentityService identityService, BasicCredentials credentials, ObjectMapper json) {
        this.identityService = identityService;
        this.credentials = credentials;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ApiUser user;
        try {
            user = credentials.authenticate(request.getHeader("Authorization"));
            if (user == null && request.getHeader("Authorization") == null) {
                user = WebappSession.user(request);
                if (user != null && !WebappSession.csrfSatisfied(request)) {
                    writeProblem(response, json, HttpStatus.FORBIDDEN, "Forbidden",
                            "A change through the webapp login needs its CSRF token in " + WebappSession.CSRF_HEADER);
                    return;
                }
            }
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.causes(e)) throw e;
            databaseUnavailable(response, json,
                    "GridCare cannot reach its database; nothing was changed. Retry with the same Idempotency-Key.");
            return;
        }
        if (user == null) {
            refuse(response, json);
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

    /** 401 without valid credentials; 429 with Retry-After when the throttle refused the login unchecked. */
    static void refuse(HttpServletResponse response, ObjectMapper json) throws IOException {
        var retryAfter = LoginOrigin.current().retryAfterSeconds();
        if (retryAfter > 0) {
            response.setHeader("Retry-After", String.valueOf(retryAfter));
            writeProblem(response, json, HttpStatus.TOO_MANY_REQUESTS, "Too many failed logins",
                    "Too many wrong passwords for this user from your address: retry after " + retryAfter + " s");
            return;
        }
        response.setHeader("WWW-Authenticate", "Basic realm=\"GridCare\", charset=\"UTF-8\"");
        writeProblem(response, json, HttpStatus.UNAUTHORIZED, "Authentication required",
                "Send HTTP Basic credentials of a GridCare user");
    }

    /** 503 with Retry-After: the credentials could not be checked. */
    static void databaseUnavailable(HttpServletResponse response, ObjectMapper json, String detail) throws IOException {
        response.setHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        writeProblem(response, json, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable", detail);
    }

    static void writeProblem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String title,
            String detail) throws IOException {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
