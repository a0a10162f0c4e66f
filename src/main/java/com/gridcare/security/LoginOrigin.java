package com.gridcare.security;

import com.gridcare.security.LoginThrottle.EntryPoint;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.time.Duration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Where the passwords checked while serving a request come from (entry point and client address),
 * for {@link LoginThrottle}; and what the throttle decided. A request refused because its user must
 * wait answers 429 with {@code Retry-After} instead of 401, whichever component wrote the 401.
 * Outside a request (GridCare's own Java calls) the origin is {@link EntryPoint#IN_PROCESS}.
 */
final class LoginOrigin {

    private static final ThreadLocal<LoginOrigin> CURRENT = new ThreadLocal<>();
    private static final int TOO_MANY_REQUESTS = 429;

    final EntryPoint entryPoint;
    final String address;
    private Duration wait;

    private LoginOrigin(EntryPoint entryPoint, String address) {
        this.entryPoint = entryPoint;
        this.address = address;
    }

    static LoginOrigin current() {
        var origin = CURRENT.get();
        return origin != null ? origin : new LoginOrigin(EntryPoint.IN_PROCESS, "in-process");
    }

    /** The throttle refused a login of this request unchecked: the caller must wait this long. */
    void mustWait(Duration wait) {
        this.wait = wait;
    }

    /** Seconds the caller must wait before its next login, when the throttle refused one; else 0. */
    long retryAfterSeconds() {
        return wait == null ? 0 : Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** Registered on every path where passwords are checked: {@code /engine-rest}, the webapps, the actuator, the API (and its description). */
    static final class Filter extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var origin = new LoginOrigin(entryPoint(request.getRequestURI().substring(request.getContextPath().length())),
                    request.getRemoteAddr());
            CURRENT.set(origin);
            try {
                chain.doFilter(request, new TooManyAttempts(response, origin));
            } finally {
                CURRENT.remove();
            }
        }

        private static EntryPoint entryPoint(String path) {
            if (path.startsWith("/engine-rest")) return EntryPoint.ENGINE_REST;
            if (path.startsWith("/camunda/")) return EntryPoint.WEBAPPS;
            if (path.startsWith("/actuator")) return EntryPoint.ACTUATOR;
            return EntryPoint.API;
        }
    }

    /** Turns the 401 of a login the throttle refused into 429 with Retry-After. */
    private static final class TooManyAttempts extends HttpServletResponseWrapper {

        private final LoginOrigin origin;

        TooManyAttempts(HttpServletResponse response, LoginOrigin origin) {
            super(response);
            this.origin = origin;
        }

        private int status(int status) {
            if (status != SC_UNAUTHORIZED || origin.retryAfterSeconds() == 0) return status;
            setHeader("Retry-After", String.valueOf(origin.retryAfterSeconds()));
            return TOO_MANY_REQUESTS;
        }

        @Override
        public void setStatus(int status) {
            super.setStatus(status(status));
        }

        @Override
        public void sendError(int status) throws IOException {
            super.sendError(status(status));
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            super.sendError(status(status), message);
        }
    }
}
