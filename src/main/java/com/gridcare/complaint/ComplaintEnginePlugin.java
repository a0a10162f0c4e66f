package com.gridcare.complaint;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Complaint task forms get their context at load time ({@link ComplaintFormContext}). */
@Component
class ComplaintEnginePlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<ComplaintFormContext> context;

    ComplaintEnginePlugin(ObjectProvider<ComplaintFormContext> context) {
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        var interceptors = new ArrayList<CommandInterceptor>();
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        interceptors.add(new ComplaintFormContext.Interceptor(context));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }
}
