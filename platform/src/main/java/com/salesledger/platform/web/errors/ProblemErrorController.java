package com.salesledger.platform.web.errors;

import com.salesledger.platform.web.ProblemJson;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's {@code /error}: whatever ends up there (an exception outside Spring MVC, a
 * {@code sendError} from a filter, or a client asking for {@code /error} itself) is answered as
 * problem+json with a status, a title and a sentence, never a stack trace. Asked for directly,
 * {@code /error} is not a resource (404).
 */
@Hidden
@RestController
public class ProblemErrorController implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);
  private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<String> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer given && given >= 400 && given <= 599 ? given : 404;
    Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (failure instanceof Throwable t && status >= 500) {
      log.error(
          "Failure outside Spring MVC on {}",
          request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
          t);
    }
    return ResponseEntity.status(status)
        .contentType(PROBLEM)
        .body(ProblemJson.of(status, ProblemJson.defaultDetail(status)));
  }
}
