package com.gridcare.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.api.DatabaseUnavailable;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** The problem+json answers of a refused login: 401, 429 with Retry-After, 503 while the identity source is out of reach, 403. */
final class ApiProblems {

    private ApiProblems() {
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
