package com.gridcare.security;

import com.gridcare.kernel.Groups;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/** The authenticated caller of GridCare's API. */
public record ApiUser(String id, Set<String> groups) {

    static final String REQUEST_ATTRIBUTE = ApiUser.class.getName();

    public boolean isAdmin() {
        return groups.contains(Groups.ADMINS);
    }

    public boolean inAnyOf(String... candidates) {
        for (var group : candidates) {
            if (groups.contains(group)) return true;
        }
        return false;
    }

    public static ApiUser of(HttpServletRequest request) {
        var user = (ApiUser) request.getAttribute(REQUEST_ATTRIBUTE);
        if (user == null) {
            throw new IllegalStateException("no authenticated user on this request");
        }
        return user;
    }
}
