package com.gridcare.insight;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for work another thread of the same report does. */
final class Futures {

    private Futures() {}

    /** The value, or what went wrong while making it (a RuntimeException as it was thrown). */
    static <T> T join(Future<T> future, String what) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(what + " failed", e.getCause());
        }
    }
}
