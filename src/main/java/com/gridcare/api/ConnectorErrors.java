package com.gridcare.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before GridCare sees them (a request line or headers over the limit, such as
 * a search of 10,000 Chinese characters in the URL; a malformed request line) are answered like every
 * other refusal: 400 in problem+json saying what was wrong, instead of Tomcat's HTML page.
 */
@Component
class ConnectorErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemJsonValve.class.getName());
            }
        });
    }

    /** Tomcat's error report, as problem+json without any detail of the server. */
    public static class ProblemJsonValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            if (response.getStatus() != 400) {
                super.report(request, response, throwable);
                return;
            }
            if (response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            var detail = "request: the request line or its headers are malformed or larger than the server accepts "
                    + "(search text and other parameters are at most a few hundred characters)";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                var body = "{\"type\":\"about:blank\",\"title\":\"Bad request\",\"status\":400,\"detail\":\""
                        + detail + "\"}";
                response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client is gone; nothing more to say
            }
        }
    }
}
