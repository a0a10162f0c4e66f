package com.gridcare.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over 1 MB on GridCare's API with 413, whether the client declares the
 * length or streams the body in chunks. Multipart uploads (rule files, CSV import) have their
 * own limit in the multipart configuration.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

    static final long LIMIT = 1024 * 1024;

    /** Thrown from the body stream when a chunked body passes the limit. */
    static final class BodyTooLargeException extends UncheckedIOException {
        BodyTooLargeException() {
            super(new IOException("request body larger than " + LIMIT + " bytes"));
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var contentType = request.getContentType();
        boolean multipart = contentType != null && contentType.toLowerCase().startsWith("multipart/");
        if (multipart) {
            chain.doFilter(request, response);
            return;
        }
        if (request.getContentLengthLong() > LIMIT) {
            tooLarge(response);
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request), response);
        } catch (ServletException | RuntimeException e) {
            if (causedByTooLarge(e) && !response.isCommitted()) {
                response.reset();
                tooLarge(response);
                return;
            }
            throw e;
        }
    }

    private static boolean causedByTooLarge(Throwable e) {
        for (var t = e; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException) return true;
        }
        return false;
    }

    private static void tooLarge(HttpServletResponse response) throws IOException {
        response.setStatus(413);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader("Connection", "close");
        response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"Payload too large\",\"status\":413,"
                + "\"detail\":\"body: the request body is larger than 1 MB\"}").getBytes());
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private ServletInputStream limited;

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                var in = super.getInputStream();
                limited = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) count(1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) count(n);
                        return n;
                    }

                    private void count(int n) {
                        read += n;
                        if (read > LIMIT) throw new BodyTooLargeException();
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return limited;
        }
    }

    @Configuration
    static class Registration {
        @Bean
        FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter() {
            var registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter());
            registration.addUrlPatterns("/api/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }
}
