package com.salesledger.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
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
    String message = "has an unreadable value '" + e.getValue() + "'";
    return respond(
        HttpStatus.BAD_REQUEST,
        e.getName() + " " + message,
        List.of(new FieldError(e.getName(), message)),
        new HttpHeaders());
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
    Throwable cause = ex.getCause();
    if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field =
          mapping.getPath().stream()
              .map(
                  ref ->
                      ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      String message =
          cause instanceof InvalidFormatException invalid
              ? "has an unreadable value '" + invalid.getValue() + "'"
              : cause instanceof MismatchedInputException ? "has the wrong type" : "is malformed";
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
