package com.gridcare.security;

import com.gridcare.kernel.AllowedGroups;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The last step of {@code /api}'s security chain: the authenticated caller becomes the request's
 * {@link ApiUser} (which {@link GroupAccessInterceptor} checks against {@link AllowedGroups}) and the
 * engine's current user, and GridCare calls the engine {@link OnBehalfOfCaller on its behalf}.
 */
final class ApiCaller extends OncePerRequestFilter {

    private final IdentityService identityService;

    ApiCaller(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var user = IdentityAuthentication.user(SecurityContextHolder.getContext().getAuthentication());
        if (user == null) {
            // the chain lets only authenticated callers this far; nothing else reaches GridCare's operations
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
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
}
