package com.gridcare.api;

/** The request is valid but clashes with the current state (closed case, answered survey): 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
