package com.gridcare.security;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.util.ClassUtils;

/**
 * What an expression in a model or a stored filter may call or read on an object:
 * <ul>
 * <li>on the execution or task ({@code execution}, {@code task}): its own data — variables, business
 * key, ids, names, dates ({@link #SCOPE_MEMBERS}) — and from a task its execution; never the engine
 * services, the model, the parent or super execution;</li>
 * <li>on a whitelisted bean ({@link ExpressionBeans}): the public methods GridCare's own classes declare;</li>
 * <li>on Joda-Time values, which {@code dateTime()} returns in filter and timer expressions: their own
 * date arithmetic;</li>
 * <li>on GridCare's own value objects held in variables: their getters.</li>
 * </ul>
 * Nothing else: no {@code getClass}, reflection, class loading or engine services on any object.
 * {@link SandboxedExpressionManager} applies it when an expression runs, {@link ExpressionCheck} when
 * a model is deployed or a filter saved.
 */
final class ExpressionPolicy {

    /** Names that reach the execution or task in an expression. */
    static final Set<String> SCOPE_IDENTIFIERS = Set.of("execution", "task", "caseExecution");

    /** The execution's and task's own data; {@code getExecution} leads from a task to its execution. */
    static final Set<String> SCOPE_MEMBERS = Set.of(
            "getVariable", "getVariableLocal", "getVariableTyped", "getVariableLocalTyped", "getVariables",
            "getVariablesLocal", "getVariablesTyped", "getVariablesLocalTyped", "getVariableNames",
            "getVariableNamesLocal", "hasVariable", "hasVariableLocal", "hasVariables", "hasVariablesLocal",
            "setVariable", "setVariableLocal", "setVariables", "setVariablesLocal", "removeVariable",
            "removeVariableLocal", "removeVariables", "removeVariablesLocal",
            "getId", "getProcessInstanceId", "getProcessDefinitionId", "getBusinessKey", "getProcessBusinessKey",
            "getCurrentActivityId", "getCurrentActivityName", "getActivityInstanceId", "getParentActivityInstanceId",
            "getCurrentTransitionId", "getParentId", "getEventName", "getTenantId", "getCaseInstanceId",
            "getName", "getDescription", "getPriority", "getAssignee", "getOwner", "getDueDate", "getFollowUpDate",
            "getCreateTime", "getLastUpdated", "getTaskDefinitionKey", "getExecutionId", "getExecution");

    static final String GRIDCARE_PACKAGE = "com.gridcare.";
    private static final String JODA_PACKAGE = "org.joda.time.";

    private final ExpressionBeans beans;
    private final Map<String, Boolean> gridCareMembers = new ConcurrentHashMap<>();

    ExpressionPolicy(ExpressionBeans beans) {
        this.beans = beans;
    }

    ExpressionBeans beans() {
        return beans;
    }

    /** Whether an expression may call this method on this object. */
    boolean mayCall(Object base, String method) {
        if (isScope(base)) return SCOPE_MEMBERS.contains(method);
        if (beans.isBean(base)) return declaresPublicly(ClassUtils.getUserClass(base), method, GRIDCARE_PACKAGE);
        if (isJoda(base)) return declaresPublicly(base.getClass(), method, JODA_PACKAGE);
        return false;
    }

    /** Whether an expression may read this property ({@code base.property}) through its getter. */
    boolean mayRead(Object base, String property) {
        if (property == null || property.isEmpty()) return false;
        if (isScope(base)) return getterNames(property).stream().anyMatch(SCOPE_MEMBERS::contains);
        var type = ClassUtils.getUserClass(base);
        var owner = isJoda(base) ? JODA_PACKAGE : type.getName().startsWith(GRIDCARE_PACKAGE) ? GRIDCARE_PACKAGE : null;
        return owner != null && getterNames(property).stream().anyMatch(getter -> declaresPublicly(type, getter, owner));
    }

    /** Whether a bean models may name has this method (at deployment, before there is an object). */
    boolean beanMayCall(String beanName, String method) {
        var type = beans.typeOf(beanName);
        return type != null && declaresPublicly(type, method, GRIDCARE_PACKAGE);
    }

    /** Whether a bean models may name has a getter for this property. */
    boolean beanMayRead(String beanName, String property) {
        var type = beans.typeOf(beanName);
        return type != null && getterNames(property).stream().anyMatch(g -> declaresPublicly(type, g, GRIDCARE_PACKAGE));
    }

    static boolean scopeMayRead(String property) {
        return getterNames(property).stream().anyMatch(SCOPE_MEMBERS::contains);
    }

    static Set<String> getterNames(String property) {
        if (property.isEmpty()) return Set.of();
        var capitalised = Character.toUpperCase(property.charAt(0)) + property.substring(1);
        return Set.of("get" + capitalised, "is" + capitalised);
    }

    private static boolean isScope(Object base) {
        return base instanceof VariableScope || base instanceof DelegateExecution || base instanceof DelegateTask;
    }

    private static boolean isJoda(Object base) {
        return base.getClass().getName().startsWith(JODA_PACKAGE);
    }

    /** A public method of this name that a class of the package declares (so never one of {@link Object}'s). */
    private boolean declaresPublicly(Class<?> type, String method, String packagePrefix) {
        return gridCareMembers.computeIfAbsent(type.getName() + '#' + method + '@' + packagePrefix, key -> {
            for (Method candidate : type.getMethods()) {
                if (candidate.getName().equals(method) && Modifier.isPublic(candidate.getModifiers())
                        && !Modifier.isStatic(candidate.getModifiers())
                        && candidate.getDeclaringClass().getName().startsWith(packagePrefix)) {
                    return true;
                }
            }
            return false;
        });
    }
}
