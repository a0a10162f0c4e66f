package com.gridcare.security;

import com.gridcare.kernel.AllowedGroups;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Enforces {@link AllowedGroups} on GridCare's API operations. */
class GroupAccessInterceptor implements HandlerInterceptor {

    private final ObjectMapper json;

    GroupAccessInterceptor(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        var user = (ApiUser) request.getAttribute(ApiUser.REQUEST_ATTRIBUTE);
        if (user == null) {
            return true; // not under /api: no GridCare operation
        }
        if (user.isAdmin()) {
            return true;
        }
        var allowed = method.getMethodAnnotation(AllowedGroups.class);
        if (allowed == null) {
            allowed = method.getBeanType().getAnnotation(AllowedGroups.class);
        }
        if (allowed != null && user.inAnyOf(allowed.value())) {
            return true;
        }
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "User " + user.id() + " may not call this operation");
        problem.setTitle("Forbidden");
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
        return false;
    }
}
