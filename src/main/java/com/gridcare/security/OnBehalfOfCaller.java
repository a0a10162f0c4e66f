package com.gridcare.security;

import com.gridcare.kernel.AllowedGroups;

import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * GridCare's API decides itself who may do what ({@link AllowedGroups}, a task's candidate groups,
 * a case's channel) and then calls the engine on the caller's behalf: starting a complaint for a
 * channel system, completing a task for an agent. The engine records the caller as the user, but
 * checks no engine permissions of its own on these calls, so the narrow per-group grants of
 * {@link IdentitySetup} (which govern Tasklist, Cockpit and {@code /engine-rest}) need not include
 * what GridCare's services do inside. Nothing outside an API request is affected.
 */
public final class OnBehalfOfCaller {

    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

    private OnBehalfOfCaller() {
    }

    static <T> T run(Supplier<T> work) {
        var outer = ACTIVE.get();
        ACTIVE.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            if (outer == null) ACTIVE.remove();
        }
    }

    static boolean active() {
        return Boolean.TRUE.equals(ACTIVE.get());
    }

    /** Placed after the engine's command context is opened: turns its authorization checks off on API calls. */
    static final class Interceptor extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (active()) {
                var context = Context.getCommandContext();
                if (context != null && context.isAuthorizationCheckEnabled()) {
                    context.disableAuthorizationCheck();
                    try {
                        return next.execute(command);
                    } finally {
                        context.enableAuthorizationCheck();
                    }
                }
            }
            return next.execute(command);
        }
    }
}
