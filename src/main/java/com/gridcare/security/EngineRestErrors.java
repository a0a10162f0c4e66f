package com.gridcare.security;

import com.gridcare.api.DatabaseUnavailable;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * {@code /engine-rest} answers 500 for several things that are the client's to fix or retry: a model
 * that is not even XML (or carries a DOCTYPE) or holds an expression that does not parse, a concurrent change, a value longer than its column,
 * and a client mistake the engine reports as such ({@link BadUserRequestException}) but which the
 * REST resource wrapped as a server error (setting variables in a batch does). These mappers answer
 * them 400 and 409 in Camunda's own error format. A database out of reach (down, restarting, pool
 * exhausted) is 503 with Retry-After, as on {@code /api/v1}. Every other failure keeps Camunda's status.
 */
@Component
class EngineRestErrors implements ResourceConfigCustomizer {

    /** SQL state of a string too long for its column, on PostgreSQL and H2 alike. */
    private static final String VALUE_TOO_LONG = "22001";

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(EngineErrors.class);
        config.register(WrappedErrors.class);
    }

    @Priority(1)
    static final class EngineErrors implements ExceptionMapper<ProcessEngineException> {

        @Override
        public Response toResponse(ProcessEngineException exception) {
            if (exception instanceof OptimisticLockingException) return answer(Response.Status.CONFLICT, exception);
            if (DatabaseUnavailable.causes(exception)) return unavailable(exception);
            if (isClientMistake(exception)) return answer(Response.Status.BAD_REQUEST, exception);
            return ExceptionHandlerHelper.getInstance().getResponse(exception);
        }
    }

    @Priority(1)
    static final class WrappedErrors implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            var status = exception.getStatus();
            if (DatabaseUnavailable.causes(exception)) return unavailable(exception);
            if ((status == null || status == Response.Status.INTERNAL_SERVER_ERROR) && isClientMistake(exception)) {
                return answer(Response.Status.BAD_REQUEST, exception);
            }
            return ExceptionHandlerHelper.getInstance().getResponse(exception);
        }
    }

    private static Response answer(Response.Status status, Throwable exception) {
        return Response.status(status).entity(ExceptionHandlerHelper.getInstance().fromException(exception))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Response unavailable(Throwable exception) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
                .entity(ExceptionHandlerHelper.getInstance().fromException(exception))
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static boolean isClientMistake(Throwable exception) {
        for (var t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SAXException || t instanceof org.camunda.bpm.engine.BpmnParseException
                    || t instanceof BadUserRequestException) {
                return true;
            }
            if (t instanceof SQLException sql && VALUE_TOO_LONG.equals(sql.getSQLState())) return true;
            // a model that is not BPMN, or an expression in it that does not parse
            if (t.getMessage() != null && (t.getMessage().startsWith("ENGINE-09003")
                    || t.getMessage().startsWith("ENGINE-01009"))) {
                return true;
            }
        }
        return false;
    }
}
