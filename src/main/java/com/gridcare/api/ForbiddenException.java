package com.gridcare.api;

/** The caller may use the operation, but not on this resource (e.g. a task of another group): 403. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String message) {
        super(message);
    }
}
