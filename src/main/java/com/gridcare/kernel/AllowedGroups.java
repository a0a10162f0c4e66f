package com.gridcare.kernel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The groups that may call an API operation; {@code gridcare-admins} always may. An operation
 * without this annotation (on the method or its controller) is refused to everyone else.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface AllowedGroups {

    String[] value();
}
