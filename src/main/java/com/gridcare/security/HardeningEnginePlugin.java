package com.gridcare.security;

import java.util.ArrayList;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.spring.SpringBeansResolverFactory;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The engine settings that properties cannot express: the history level {@link AuditWithoutVariables};
 * expressions sandboxed by {@link ExpressionPolicy} (whitelisted {@link ExpressionBeans}, checked at
 * deployment by {@link ModelGuard} and {@link DecisionAndCaseModelGuard}, on saving a filter by
 * {@link FilterExpressionGuard}, and when they run by {@link SandboxedExpressionManager}); passwords
 * checked through {@link LoginThrottle} by {@link GridCareIdentityProvider} (with the directory beside it
 * when {@code gridcare.security.directory.enabled}: {@link DirectoryIdentityProvider}) and hashed by
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

        Supplier<LoginThrottle> throttle = () -> context.getBean(LoginThrottle.class);
        var directory = properties.directory();
        configuration.setIdentityProviderSessionFactory(directory.enabled()
                ? new DirectoryIdentityProvider.Factory(throttle, ldap(directory),
                        DirectoryIdentityProvider.GroupMapping.of(directory.groups()))
                : new GridCareIdentityProvider.Factory(throttle));
        // new passwords hashed slowly; hashes made before (salted SHA-512, which the engine always checks) still
        // verify, and are replaced at the next login
        configuration.setPasswordEncryptor(new Pbkdf2PasswordHash(properties.passwordHashing().iterations()));
        configuration.setDeserializationTypeValidator(variableTypes);
    }

    /** Camunda's LDAP identity provider's settings from {@code gridcare.security.directory}. */
    private static LdapConfiguration ldap(SecurityProperties.Directory directory) {
        var ldap = new LdapConfiguration();
        ldap.setServerUrl(directory.url());
        ldap.setManagerDn(directory.managerDn() == null ? "" : directory.managerDn());
        ldap.setManagerPassword(directory.managerPassword() == null ? "" : directory.managerPassword());
        ldap.setBaseDn(directory.baseDn());
        ldap.setUserSearchBase(directory.userSearchBase());
        ldap.setUserSearchFilter(directory.userSearchFilter());
        ldap.setUserIdAttribute(directory.userIdAttribute());
        ldap.setUserFirstnameAttribute(directory.userFirstnameAttribute());
        ldap.setUserLastnameAttribute(directory.userLastnameAttribute());
        ldap.setUserEmailAttribute(directory.userEmailAttribute());
        ldap.setGroupSearchBase(directory.groupSearchBase());
        ldap.setGroupSearchFilter(directory.groupSearchFilter());
        ldap.setGroupIdAttribute(directory.groupIdAttribute());
        ldap.setGroupNameAttribute(directory.groupNameAttribute());
        ldap.setGroupMemberAttribute(directory.groupMemberAttribute());
        ldap.setUseSsl(directory.useSsl());
        ldap.setSortControlSupported(directory.sortControlSupported());
        if (directory.pageSize() != null) ldap.setPageSize(directory.pageSize());
        // an empty password is never an anonymous bind; users and groups are read with the engine's permissions
        ldap.setAllowAnonymousLogin(false);
        ldap.setAuthorizationCheckEnabled(true);
        return ldap;
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
