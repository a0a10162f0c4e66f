package com.gridcare.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;
import org.xml.sax.SAXException;

/**
 * {@code /engine-rest} answers 500 for a model that is not even XML (or carries a DOCTYPE) and for a
 * concurrent change, although both are the client's to fix or retry. This mapper answers them 400
 * and 409 in Camunda's own error format; every other failure keeps Camunda's status.
 */
@Component
class EngineRestErrors implements ResourceConfigCustomizer {

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(Mapper.class);
    }

    @Priority(1)
    static final class Mapper implements ExceptionMapper<ProcessEngineException> {

        @Override
        public Response toResponse(ProcessEngineException exception) {
            var helper = ExceptionHandlerHelper.getInstance();
            Response.Status status = null;
            if (exception instanceof OptimisticLockingException) {
                status = Response.Status.CONFLICT;
            } else if (isUnparseable(exception)) {
                status = Response.Status.BAD_REQUEST;
            }
            if (status == null) {
                return helper.getResponse(exception);
            }
            return Response.status(status).entity(helper.fromException(exception)).type(MediaType.APPLICATION_JSON_TYPE)
                    .build();
        }

        private static boolean isUnparseable(Throwable exception) {
            for (var t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof SAXException || t instanceof org.camunda.bpm.engine.BpmnParseException) return true;
                if (t.getMessage() != null && t.getMessage().startsWith("ENGINE-09003")) return true;
            }
            return false;
        }
    }
}
