package com.salesledger.platform.web.input;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses (406) a request whose {@code Accept} excludes JSON before its handler runs. Without it, a
 * command would be applied and only its answer found unwritable: a fact recorded under a 406, that
 * a client would then send again. Endpoints that declare what they produce (e.g. a CSV export) are
 * negotiated by Spring MVC itself before this point.
 */
class AcceptableAnswerInterceptor implements HandlerInterceptor {

  private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON);

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws HttpMediaTypeNotAcceptableException {
    if (request.getDispatcherType() != DispatcherType.REQUEST
        || !(handler instanceof HandlerMethod method)
        || !method.getBeanType().getPackageName().startsWith("com.salesledger")
        || request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) != null) {
      return true;
    }
    List<String> accept = java.util.Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
    if (accept.isEmpty()) {
      return true;
    }
    try {
      for (MediaType wanted : MediaType.parseMediaTypes(accept)) {
        if (wanted.isCompatibleWith(MediaType.APPLICATION_JSON)) {
          return true;
        }
      }
    } catch (InvalidMediaTypeException e) {
      throw new HttpMediaTypeNotAcceptableException("The Accept header is malformed.");
    }
    throw new HttpMediaTypeNotAcceptableException(JSON);
  }
}
