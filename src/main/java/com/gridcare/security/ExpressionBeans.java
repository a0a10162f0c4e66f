package com.gridcare.security;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * The Spring beans BPMN expressions may name: GridCare's delegates and listeners, and beans marked
 * {@link ExpressionBean}. Anything else ({@code ${dataSource}}, {@code ${runtimeService}}, a
 * repository) does not resolve, so a model cannot reach around the domain services. Looked up
 * lazily because the delegates depend on the engine this map is configured into.
 */
public final class ExpressionBeans extends AbstractMap<Object, Object> {

    private static final String OUR_PACKAGE = "com.gridcare.";

    private final ApplicationContext context;
    private final Map<String, Boolean> decided = new ConcurrentHashMap<>();
    /** The bean instances handed to expressions, by class: an object is a bean only if it is that very instance. */
    private final Map<Class<?>, Object> handedOut = new ConcurrentHashMap<>();

    ExpressionBeans(ApplicationContext context) {
        this.context = context;
    }

    /** Whether a model may name this bean. */
    public boolean allows(String name) {
        return decided.computeIfAbsent(name, this::decide);
    }

    private boolean decide(String name) {
        if (!context.containsBean(name)) {
            return false;
        }
        var type = context.getType(name);
        if (type == null) {
            return false;
        }
        // a delegate or listener exists for models to call, whatever its class (a @Bean lambda, say)
        if (JavaDelegate.class.isAssignableFrom(type) || ExecutionListener.class.isAssignableFrom(type)
                || TaskListener.class.isAssignableFrom(type)) {
            return true;
        }
        return type.getName().startsWith(OUR_PACKAGE) && AnnotationUtils.findAnnotation(type, ExpressionBean.class) != null;
    }

    @Override
    public boolean containsKey(Object key) {
        return key instanceof String name && allows(name);
    }

    @Override
    public Object get(Object key) {
        if (!containsKey(key)) return null;
        var bean = context.getBean((String) key);
        if (handedOut.get(bean.getClass()) != bean) handedOut.put(bean.getClass(), bean);
        return bean;
    }

    /** Whether this object is one of the whitelisted beans (not merely of the same class). */
    boolean isBean(Object candidate) {
        return candidate != null && handedOut.get(candidate.getClass()) == candidate;
    }

    /** The class of a whitelisted bean (without Spring's proxy subclass); null for any other name. */
    Class<?> typeOf(String name) {
        if (!allows(name)) return null;
        var type = context.getType(name);
        return type == null ? null : ClassUtils.getUserClass(type);
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        // the expression manager only asks for single names; nothing enumerates the beans
        return Set.of();
    }
}
