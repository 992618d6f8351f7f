package com.salesledger.platform.security;

import java.util.function.Supplier;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.ComposablePointcut;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.method.AuthorizationInterceptorsOrder;
import org.springframework.security.authorization.method.AuthorizationManagerBeforeMethodInterceptor;
import org.springframework.security.core.Authentication;

/**
 * Enforces {@link Permitted} on controllers: the caller's roles must grant the named {@link
 * Permission}, else 403 before the handler runs. No role names in expressions on controllers.
 */
@Configuration(proxyBeanMethods = false)
class PermittedAuthorization {

  @Bean
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  static Advisor permittedAdvisor() {
    ComposablePointcut pointcut =
        new ComposablePointcut(new AnnotationMatchingPointcut(Permitted.class, true))
            .union(new AnnotationMatchingPointcut(null, Permitted.class, true));
    AuthorizationManagerBeforeMethodInterceptor interceptor =
        new AuthorizationManagerBeforeMethodInterceptor(pointcut, new PermissionCheck());
    interceptor.setOrder(AuthorizationInterceptorsOrder.PRE_AUTHORIZE.getOrder());
    return interceptor;
  }

  static final class PermissionCheck implements AuthorizationManager<MethodInvocation> {

    @Override
    public AuthorizationResult authorize(
        Supplier<Authentication> authentication, MethodInvocation invocation) {
      Authentication auth = authentication.get();
      if (auth == null || !auth.isAuthenticated()) {
        return new AuthorizationDecision(false);
      }
      return new AuthorizationDecision(required(invocation).grantedTo(Actor.current()));
    }

    @Override
    @Deprecated
    public AuthorizationDecision check(
        Supplier<Authentication> authentication, MethodInvocation invocation) {
      return (AuthorizationDecision) authorize(authentication, invocation);
    }

    private static Permission required(MethodInvocation invocation) {
      Permitted onMethod =
          AnnotatedElementUtils.findMergedAnnotation(invocation.getMethod(), Permitted.class);
      if (onMethod != null) {
        return onMethod.value();
      }
      Class<?> type = AopUtils.getTargetClass(invocation.getThis());
      Permitted onType = AnnotatedElementUtils.findMergedAnnotation(type, Permitted.class);
      if (onType == null) {
        throw new IllegalStateException("no @Permitted on " + invocation.getMethod());
      }
      return onType.value();
    }
  }
}
