package com.salesledger.platform.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.salesledger.platform.web.input.BodyTooLargeException;
import com.salesledger.platform.web.input.DateOutOfRangeException;
import com.salesledger.platform.web.input.InputRuleException;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal as RFC 9457 {@code application/problem+json}: status, title, detail and, for bad
 * input, {@code errors: [{field, message}]}. Bad input must never surface as a 5xx.
 */
@RestControllerAdvice
public class ProblemResponses extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

  @ExceptionHandler(LedgerProblem.class)
  public ResponseEntity<Object> ledgerProblem(LedgerProblem problem) {
    HttpHeaders headers = new HttpHeaders();
    if (problem.retryAfterSeconds() != null) {
      headers.set(HttpHeaders.RETRY_AFTER, problem.retryAfterSeconds().toString());
    }
    return respond(problem.status(), problem.getMessage(), problem.errors(), headers);
  }

  @ExceptionHandler(AccessDeniedException.class)
  public ResponseEntity<Object> accessDenied(AccessDeniedException e) {
    return respond(
        HttpStatus.FORBIDDEN, "Your role does not allow this.", List.of(), new HttpHeaders());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  public ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
    DateOutOfRangeException range = causeOf(e, DateOutOfRangeException.class);
    String message =
        range != null ? range.getMessage() : "has an unreadable value '" + e.getValue() + "'";
    return respond(
        HttpStatus.BAD_REQUEST,
        e.getName() + " " + message,
        List.of(new FieldError(e.getName(), message)),
        new HttpHeaders());
  }

  /** Constraint violations on query parameters and path variables (method validation). */
  @ExceptionHandler(ConstraintViolationException.class)
  public ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
    List<FieldError> errors =
        e.getConstraintViolations().stream()
            .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
            .sorted(java.util.Comparator.comparing(FieldError::field))
            .toList();
    return respond(HttpStatus.BAD_REQUEST, summary(errors), errors, new HttpHeaders());
  }

  private static String lastNode(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(dot + 1);
  }

  @ExceptionHandler(Exception.class)
  public ResponseEntity<Object> unexpected(Exception e) {
    log.error("Unexpected failure", e);
    return respond(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "The ledger failed to handle this request; nothing was changed by this failure itself.",
        List.of(),
        new HttpHeaders());
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
            .toList();
    return respond(HttpStatus.BAD_REQUEST, summary(errors), errors, new HttpHeaders());
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        ex.getParameterValidationResults().stream()
            .flatMap(
                r ->
                    r.getResolvableErrors().stream()
                        .map(
                            e ->
                                new FieldError(
                                    r.getMethodParameter().getParameterName(),
                                    e.getDefaultMessage())))
            .toList();
    return respond(HttpStatus.BAD_REQUEST, summary(errors), errors, new HttpHeaders());
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    BodyTooLargeException tooLarge = causeOf(ex, BodyTooLargeException.class);
    if (tooLarge != null) {
      return respond(
          HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), List.of(), new HttpHeaders());
    }
    Throwable cause = ex.getCause();
    if (cause instanceof JsonParseException parse
        && parse.getOriginalMessage() != null
        && parse.getOriginalMessage().startsWith("Duplicate field")) {
      String field = parse.getOriginalMessage().replaceAll("^Duplicate field '(.*)'$", "$1");
      String message = "is given more than once";
      return respond(
          HttpStatus.BAD_REQUEST,
          field + " " + message,
          List.of(new FieldError(field, message)),
          new HttpHeaders());
    }
    if (cause instanceof UnrecognizedPropertyException unknown) {
      String parent = path(unknown.getPath().subList(0, unknown.getPath().size() - 1));
      String field =
          parent.isEmpty() ? unknown.getPropertyName() : parent + "." + unknown.getPropertyName();
      String message = "is not a known property of this request";
      return respond(
          HttpStatus.BAD_REQUEST,
          field + " " + message,
          List.of(new FieldError(field, message)),
          new HttpHeaders());
    }
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = path(mapping.getPath());
      String message =
          cause instanceof InputRuleException rule
              ? rule.rule()
              : cause instanceof InvalidFormatException invalid
                  ? "has an unreadable value '" + invalid.getValue() + "'"
                  : cause instanceof MismatchedInputException
                      ? "has the wrong type or is missing"
                      : "is malformed";
      return respond(
          HttpStatus.BAD_REQUEST,
          field + " " + message,
          List.of(new FieldError(field, message)),
          new HttpHeaders());
    }
    return respond(
        HttpStatus.BAD_REQUEST,
        "The request body is missing or is not valid JSON.",
        List.of(),
        new HttpHeaders());
  }

  @Override
  protected ResponseEntity<Object> handleServletRequestBindingException(
      org.springframework.web.bind.ServletRequestBindingException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (ex instanceof MissingRequestHeaderException missing) {
      return respond(
          HttpStatus.BAD_REQUEST,
          "header " + missing.getHeaderName() + " is required",
          List.of(new FieldError(missing.getHeaderName(), "is required")),
          new HttpHeaders());
    }
    return super.handleServletRequestBindingException(ex, headers, status, request);
  }

  private static String path(List<JsonMappingException.Reference> references) {
    return references.stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /**
   * Every answer Spring MVC's own handling produces (unsupported media type, unacceptable Accept,
   * missing parameter, method not allowed, ...) is problem+json too, whatever the client accepts.
   */
  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception ex,
      Object body,
      HttpHeaders headers,
      HttpStatusCode statusCode,
      WebRequest request) {
    HttpStatus status =
        HttpStatus.resolve(statusCode.value()) != null
            ? HttpStatus.valueOf(statusCode.value())
            : HttpStatus.INTERNAL_SERVER_ERROR;
    ProblemDetail given =
        body instanceof ProblemDetail problem
            ? problem
            : ex instanceof org.springframework.web.ErrorResponse response
                ? response.getBody()
                : null;
    String detail =
        given != null && given.getDetail() != null
            ? given.getDetail()
            : ProblemJson.defaultDetail(status.value());
    HttpHeaders copy = new HttpHeaders();
    if (headers != null) {
      headers.forEach((name, values) -> copy.put(name, values));
    }
    if (status.is5xxServerError()) {
      log.error("Failure in request handling", ex);
    }
    return respond(status, detail, List.of(), copy);
  }

  private static String summary(List<FieldError> errors) {
    return errors.isEmpty()
        ? "The request is not valid."
        : errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
  }

  private static ResponseEntity<Object> respond(
      HttpStatus status, String detail, List<FieldError> errors, HttpHeaders headers) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(status.getReasonPhrase());
    if (!errors.isEmpty()) {
      body.setProperty("errors", errors);
    }
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
    return new ResponseEntity<>(body, headers, status);
  }
}
