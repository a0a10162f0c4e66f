package com.gridcare.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring bean that process models may call in expressions although it is no delegate or
 * listener (e.g. {@code ${slaClocks.dueAt(...)}}). Every other bean is invisible to BPMN
 * expressions (see {@link ExpressionBeans}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ExpressionBean {
}
