package com.gridcare.security;

import com.gridcare.kernel.Groups;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.api.DatabaseUnavailable;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The actuator: liveness and readiness are open (load balancers and orchestrators probe them without
 * credentials, and they say nothing but UP or DOWN); everything else — health with its details,
 * metrics, Prometheus, info — needs HTTP Basic credentials of an administrator or an
 * {@link Groups#OPERATORS operator}. The caller's groups are the request's roles, which the health
 * endpoint's {@code show-details: when-authorized} reads.
 */
class ActuatorAccessFilter extends OncePerRequestFilter {

    static final Set<String> OPEN = Set.of("/actuator/health/liveness", "/actuator/health/readiness");
    static final Set<String> ALLOWED_GROUPS = Set.of(Groups.ADMINS, Groups.OPERATORS);

    private final BasicCredentials credentials;
    private final ObjectMapper json;

    ActuatorAccessFilter(BasicCredentials credentials, ObjectMapper json) {
        this.credentials = credentials;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (OPEN.contains(path)) {
            chain.doFilter(request, response);
            return;
        }
        ApiUser user;
        try {
            user = credentials.authenticate(request.getHeader("Authorization"));
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.causes(e)) throw e;
            ApiProblems.databaseUnavailable(response, json,
                    "GridCare cannot reach its database to check the credentials; liveness and readiness stay open");
            return;
        }
        if (user == null) {
            ApiProblems.refuse(response, json);
            return;
        }
        if (!user.groups().stream().anyMatch(ALLOWED_GROUPS::contains)) {
            ApiProblems.writeProblem(response, json, HttpStatus.FORBIDDEN, "Forbidden",
                    "User " + user.id() + " may not read the actuator: administrators and operators only");
            return;
        }
        chain.doFilter(new WithRoles(request, user), response);
    }

    /** The authenticated caller as the servlet request's principal, with its groups as roles. */
    private static final class WithRoles extends HttpServletRequestWrapper {

        private final ApiUser user;

        WithRoles(HttpServletRequest request, ApiUser user) {
            super(request);
            this.user = user;
        }

        @Override
        public Principal getUserPrincipal() {
            return user::id;
        }

        @Override
        public String getRemoteUser() {
            return user.id();
        }

        @Override
        public boolean isUserInRole(String role) {
            return user.groups().contains(role);
        }
    }
}
