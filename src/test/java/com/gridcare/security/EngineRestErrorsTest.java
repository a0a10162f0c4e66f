package com.gridcare.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLTransientConnectionException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

/** What {@code /engine-rest} answers when the database is out of reach: 503 with Retry-After, never 500. */
class EngineRestErrorsTest {

    private static final ProcessEngineException POOL_EXHAUSTED = new ProcessEngineException("could not open a session",
            new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5000ms."));

    @Test
    void aDatabaseOutOfReachIs503WithRetryAfter() {
        var answer = new EngineRestErrors.EngineErrors().toResponse(POOL_EXHAUSTED);
        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaderString("Retry-After")).isEqualTo("5");

        var wrapped = new EngineRestErrors.WrappedErrors().toResponse(new RestException(Response.Status.INTERNAL_SERVER_ERROR, POOL_EXHAUSTED));
        assertThat(wrapped.getStatus()).isEqualTo(503);
    }

    @Test
    void anyOtherEngineFailureKeepsCamundasStatus() {
        assertThat(new EngineRestErrors.EngineErrors().toResponse(new ProcessEngineException("broken")).getStatus())
                .isEqualTo(500);
    }
}
