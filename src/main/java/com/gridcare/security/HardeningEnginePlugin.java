package com.gridcare.security;

import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringBeansResolverFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The engine settings that properties cannot express: the history level {@link AuditWithoutVariables};
 * expressions sandboxed by {@link ExpressionPolicy} (whitelisted {@link ExpressionBeans}, checked at
 * deployment by {@link ModelGuard} and {@link DecisionAndCaseModelGuard}, on saving a filter by
 * {@link FilterExpressionGuard}, and when they run by {@link SandboxedExpressionManager}); passwords
 * checked through {@link LoginThrottle} by {@link GridCareIdentityProvider} and hashed by
 * {@link Pbkdf2PasswordHash}; object variables only of
 * {@link VariableTypes}, checked when written by {@link VariableWriteGuard}; and GridCare's API calls
 * the engine {@link OnBehalfOfCaller on behalf of its caller}.
 */
@Component
class HardeningEnginePlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;
    private final SecurityProperties properties;
    private final VariableTypes variableTypes = new VariableTypes();

    HardeningEnginePlugin(ApplicationContext context, SecurityProperties properties) {
        this.context = context;
        this.properties = properties;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        var levels = new ArrayList<HistoryLevel>();
        if (configuration.getCustomHistoryLevels() != null) levels.addAll(configuration.getCustomHistoryLevels());
        levels.add(new AuditWithoutVariables());
        configuration.setCustomHistoryLevels(levels);

        var beans = new ExpressionBeans(context);
        var policy = new ExpressionPolicy(beans);
        var expressions = new ExpressionCheck(policy);
        configuration.setBeans(beans);
        configuration.setExpressionManager(new SandboxedExpressionManager(context, policy));
        var listeners = new ArrayList<BpmnParseListener>();
        if (configuration.getCustomPreBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPreBPMNParseListeners());
        }
        listeners.add(new ModelGuard(expressions));
        configuration.setCustomPreBPMNParseListeners(listeners);
        var deployers = new ArrayList<Deployer>();
        if (configuration.getCustomPreDeployers() != null) deployers.addAll(configuration.getCustomPreDeployers());
        deployers.add(new DecisionAndCaseModelGuard());
        configuration.setCustomPreDeployers(deployers);

        var interceptors = new ArrayList<CommandInterceptor>();
        if (configuration.getCustomPostCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPostCommandInterceptorsTxRequired());
        }
        interceptors.add(new OnBehalfOfCaller.Interceptor());
        interceptors.add(new FilterExpressionGuard(expressions));
        configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);

        configuration.setIdentityProviderSessionFactory(
                new GridCareIdentityProvider.Factory(() -> context.getBean(LoginThrottle.class)));
        // new passwords hashed slowly; hashes made before (salted SHA-512, which the engine always checks) still
        // verify, and are replaced at the next login
        configuration.setPasswordEncryptor(new Pbkdf2PasswordHash(properties.passwordHashing().iterations()));
        configuration.setDeserializationTypeValidator(variableTypes);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // script bindings would otherwise resolve every Spring bean; the engine's own resolver reads the whitelist
        configuration.getResolverFactories().removeIf(SpringBeansResolverFactory.class::isInstance);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        // after every plugin's postInit, so that the serializers Spin adds are guarded too
        VariableWriteGuard.install((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration(), variableTypes);
    }
}
