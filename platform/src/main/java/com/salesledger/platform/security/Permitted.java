package com.salesledger.platform.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission an endpoint (method) or a whole controller (type) needs; the method's own
 * annotation wins. Without it the caller gets 403 before the handler runs. Checked by {@link
 * PermittedAuthorization}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Permitted {
  Permission value();
}
