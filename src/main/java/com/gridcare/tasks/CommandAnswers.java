package com.gridcare.tasks;

import java.util.ArrayList;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Lets an engine plugin add to what an engine command answers: after the engine ran the command, inside
 * its command context and transaction, the answer goes through the function, which returns it as it is
 * or with more in it (form context, Tasklist's card values).
 */
final class CommandAnswers {

    private CommandAnswers() {
    }

    static void amend(ProcessEngineConfigurationImpl configuration, BiFunction<Command<?>, Object, Object> amend) {
        var interceptors = new ArrayList<CommandInterceptor>();
        if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
        }
        interceptors.add(new CommandInterceptor() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T execute(Command<T> command) {
                return (T) amend.apply(command, next.execute(command));
            }
        });
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }
}
