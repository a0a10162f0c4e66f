package com.gridcare.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A call to {@code /api} without an {@code Authorization} header, from a browser logged in to Tasklist:
 * the webapps' login ({@link WebappSession}) authenticates it for Spring Security, with the user and
 * groups the webapp holds for that session; a change needs the webapp's CSRF token. Placed before
 * HTTP Basic, which handles every call that brings credentials.
 */
final class WebappSessionAuthentication extends OncePerRequestFilter {

    private final ObjectMapper json;

    WebappSessionAuthentication(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader("Authorization") == null) {
            var user = WebappSession.user(request);
            if (user != null) {
                if (!WebappSession.csrfSatisfied(request)) {
                    ApiProblems.writeProblem(response, json, HttpStatus.FORBIDDEN, "Forbidden",
                            "A change through the webapp login needs its CSRF token in " + WebappSession.CSRF_HEADER);
                    return;
                }
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(IdentityAuthentication.authenticated(user));
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
