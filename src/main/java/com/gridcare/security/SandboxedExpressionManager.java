package com.gridcare.security;

import org.camunda.bpm.engine.impl.el.ReadOnlyMapELResolver;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.springframework.context.ApplicationContext;

/**
 * The engine's expression manager for models, stored filters and decision tables, with names
 * resolved as Camunda's Spring manager resolves them (variables, the execution or task, the
 * whitelisted {@link ExpressionBeans}) but every method call and property read on an object checked
 * against {@link ExpressionPolicy} first. Maps, lists and arrays are read as before.
 */
class SandboxedExpressionManager extends SpringExpressionManager {

    private final ExpressionPolicy policy;

    SandboxedExpressionManager(ApplicationContext context, ExpressionPolicy policy) {
        super(context, policy.beans());
        this.policy = policy;
    }

    @Override
    protected ELResolver createElResolver() {
        var resolver = new CompositeELResolver();
        resolver.add(new VariableScopeElResolver());
        resolver.add(new VariableContextElResolver());
        resolver.add(new ReadOnlyMapELResolver(beans));
        resolver.add(new ArrayELResolver());
        resolver.add(new ListELResolver());
        resolver.add(new MapELResolver());
        resolver.add(new PolicyBeanElResolver(policy));
        return resolver;
    }

    /** Reads properties and calls methods on objects only where {@link ExpressionPolicy} allows. */
    static final class PolicyBeanElResolver extends BeanELResolver {

        private final ExpressionPolicy policy;

        PolicyBeanElResolver(ExpressionPolicy policy) {
            super(true);
            this.policy = policy;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base != null && !policy.mayRead(base, String.valueOf(property))) throw refusedRead(base, property);
            return super.getValue(context, base, property);
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            if (base != null && !policy.mayRead(base, String.valueOf(property))) throw refusedRead(base, property);
            return super.getType(context, base, property);
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            if (base != null) {
                throw new ELException("Expressions may not set '" + property + "' on " + describe(base));
            }
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            if (base != null && !policy.mayCall(base, String.valueOf(method))) {
                throw new ELException("Expressions may not call '" + method + "' on " + describe(base)
                        + ": only whitelisted beans and the execution's or task's variables, business key and ids");
            }
            return super.invoke(context, base, method, paramTypes, params);
        }

        private static ELException refusedRead(Object base, Object property) {
            return new ELException("Expressions may not read '" + property + "' of " + describe(base)
                    + ": only whitelisted beans and the execution's or task's variables, business key and ids");
        }

        private static String describe(Object base) {
            return "an object of " + base.getClass().getName();
        }
    }
}
