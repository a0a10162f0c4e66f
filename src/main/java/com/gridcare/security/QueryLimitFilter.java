package com.gridcare.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The engine refuses queries for more than {@code queryMaxResultsLimit} (1000) rows. Tasklist and
 * Cockpit ask for up to 2000 filters or job definitions in one page; this filter lowers such a
 * {@code maxResults} on Camunda's REST endpoints to the limit, so the webapps keep working while
 * no caller reads more than 1000 rows at once.
 */
class QueryLimitFilter extends OncePerRequestFilter {

    private static final Pattern MAX_RESULTS = Pattern.compile("(^|&)maxResults=(\\d{1,18})");

    private final int limit;

    QueryLimitFilter(int limit) {
        this.limit = limit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var query = request.getQueryString();
        if (query == null || !query.contains("maxResults=")) {
            chain.doFilter(request, response);
            return;
        }
        var matcher = MAX_RESULTS.matcher(query);
        var clamped = new StringBuilder();
        boolean changed = false;
        while (matcher.find()) {
            var value = Long.parseLong(matcher.group(2));
            var replacement = value > limit ? String.valueOf(limit) : matcher.group(2);
            changed |= value > limit;
            matcher.appendReplacement(clamped, matcher.group(1) + "maxResults=" + replacement);
        }
        matcher.appendTail(clamped);
        if (!changed) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new Clamped(request, clamped.toString(), String.valueOf(limit)), response);
    }

    private final class Clamped extends HttpServletRequestWrapper {

        private final String query;
        private final String max;

        Clamped(HttpServletRequest request, String query, String max) {
            super(request);
            this.query = query;
            this.max = max;
        }

        @Override
        public String getQueryString() {
            return query;
        }

        @Override
        public String getParameter(String name) {
            return "maxResults".equals(name) ? max : super.getParameter(name);
        }

        @Override
        public String[] getParameterValues(String name) {
            return "maxResults".equals(name) ? new String[] {max} : super.getParameterValues(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            var map = new LinkedHashMap<>(super.getParameterMap());
            if (map.containsKey("maxResults")) {
                map.put("maxResults", new String[] {max});
            }
            return Collections.unmodifiableMap(map);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(Arrays.asList(getParameterMap().keySet().toArray(String[]::new)));
        }
    }
}
