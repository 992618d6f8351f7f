package com.salesledger.command.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.salesledger.events.common.LedgerMetaData;
import com.salesledger.events.common.Rejection;
import com.salesledger.platform.security.Actor;
import com.salesledger.platform.web.DatabaseUnavailable;
import com.salesledger.platform.web.FieldError;
import com.salesledger.platform.web.LedgerProblem;
import com.salesledger.platform.web.PositionHeader;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one way the HTTP API sends a command: it stamps who/why/correlation onto the command's
 * metadata, honours Idempotency-Key, and answers with the aggregate id, version and position.
 */
@Component
public class CommandDispatcher {

  public static final String IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
  public static final String CORRELATION_HEADER = "X-Correlation-Id";

  /** What the caller wants done and how to answer it. */
  public record Submission(
      Object command, Object requestBody, String idField, HttpStatus success, String reason) {}

  private final CommandGateway gateway;
  private final IdempotencyKeys idempotencyKeys;
  private final EventPositions positions;
  private final ObjectMapper objectMapper;

  public CommandDispatcher(
      CommandGateway gateway,
      IdempotencyKeys idempotencyKeys,
      EventPositions positions,
      ObjectMapper objectMapper) {
    this.gateway = gateway;
    this.idempotencyKeys = idempotencyKeys;
    this.positions = positions;
    this.objectMapper = objectMapper;
  }

  public ResponseEntity<Map<String, Object>> send(
      HttpServletRequest request, Submission submission) {
    Actor actor = Actor.current();
    String key = request.getHeader(IDEMPOTENCY_KEY_HEADER);
    if (key != null && (key.isBlank() || key.length() > 255)) {
      throw LedgerProblem.invalid(IDEMPOTENCY_KEY_HEADER, "must be 1 to 255 characters when given");
    }
    String requestHash = key == null ? null : hash(request, submission.requestBody());
    if (key != null) {
      Optional<ResponseEntity<Map<String, Object>>> replay =
          replay(actor, key, requestHash, submission);
      if (replay.isPresent()) {
        return replay.get();
      }
    }
    Map<String, Object> metaData = new HashMap<>();
    metaData.put(LedgerMetaData.USER, actor.name());
    metaData.put(LedgerMetaData.ROLES, actor.rolesAsText());
    metaData.put(LedgerMetaData.CORRELATION_ID, correlationId(request));
    if (submission.reason() != null) {
      metaData.put(LedgerMetaData.REASON, submission.reason());
    }
    if (key != null) {
      metaData.put(LedgerMetaData.IDEMPOTENCY_KEY, key);
      metaData.put(LedgerMetaData.REQUEST_HASH, requestHash);
    }
    try {
      // a race lost to a request with the same key is refused on the next attempt (the key is
      // taken), and that refusal is answered below as the winner was
      return LostRaces.retried(() -> dispatch(actor, key, metaData, submission));
    } catch (RuntimeException e) {
      // During a database outage the lookup would only wait out another connection timeout.
      if (key != null && !isOutage(e)) {
        // A request with the same key may have won a race with this one; then answer as it did.
        Optional<ResponseEntity<Map<String, Object>>> replay =
            replay(actor, key, requestHash, submission);
        if (replay.isPresent()) {
          return replay.get();
        }
      }
      throw translate(e, submission);
    }
  }

  /** Sends the command once, as a new message, and answers with its last event's position. */
  private ResponseEntity<Map<String, Object>> dispatch(
      Actor actor, String key, Map<String, Object> metaData, Submission submission) {
    long mark = positions.mark();
    Object result =
        gateway.sendAndWait(
            GenericCommandMessage.asCommandMessage(submission.command())
                .andMetaData(MetaData.from(metaData)),
            60,
            TimeUnit.SECONDS);
    CommandResult done = CommandResult.from(result);
    CommandResult.Event last = done.positioned();
    long position = positions.positionOf(last.aggregateId(), last.sequenceNumber(), mark);
    if (key != null) {
      idempotencyKeys.recordPosition(actor.name(), key, position);
    }
    return answer(submission, done, position);
  }

  /** A database outage, seen here directly or reported back by the handler (Axon Server). */
  private static boolean isOutage(RuntimeException e) {
    return DatabaseUnavailable.isOutage(e)
        || (e instanceof CommandExecutionException execution
            && execution
                .<Rejection>getDetails()
                .filter(r -> r.kind() == Rejection.Kind.UNAVAILABLE)
                .isPresent());
  }

  private static RuntimeException translate(RuntimeException e, Submission submission) {
    if (e instanceof CommandExecutionException execution) {
      Optional<Rejection> rejection = execution.getDetails();
      if (rejection.isPresent()) {
        return problem(rejection.get(), submission);
      }
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AggregateStreamCreationException) {
        return new LedgerProblem(HttpStatus.CONFLICT, duplicateId(submission));
      }
      if (t instanceof ConflictingModificationException) {
        return staleVersion(t.getMessage());
      }
      if (t instanceof ConcurrencyException) {
        return new LedgerProblem(
            HttpStatus.CONFLICT, "Another change to the same record won the race; retry.");
      }
    }
    return e;
  }

  private Optional<ResponseEntity<Map<String, Object>>> replay(
      Actor actor, String key, String requestHash, Submission submission) {
    return idempotencyKeys
        .find(actor.name(), key, submission.command())
        .map(
            recorded -> {
              if (!recorded.requestHash().equals(requestHash)) {
                throw new LedgerProblem(
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "Idempotency-Key " + key + " was already used with a different request.",
                    List.of(
                        new FieldError(
                            IDEMPOTENCY_KEY_HEADER, "was already used with a different request")),
                    null);
              }
              CommandResult result = recorded.result();
              Long position =
                  recorded.position() != null
                      ? recorded.position()
                      : awaitRecordedPosition(actor, key, submission);
              if (position == null) {
                position =
                    positions.positionOf(
                        result.aggregateId(), result.version(), EventPositions.NO_MARK);
              }
              return answer(submission, result, position);
            });
  }

  /**
   * A key without its position belongs to a request that is still answering (its position is
   * recorded right after the commit) or that died before it could. Waiting briefly lets every
   * repeat answer exactly what the first request answered; after that the store's lookup decides.
   */
  private Long awaitRecordedPosition(Actor actor, String key, Submission submission) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return null;
      }
      Optional<IdempotencyKeys.Recorded> again =
          idempotencyKeys.find(actor.name(), key, submission.command());
      if (again.isPresent() && again.get().position() != null) {
        return again.get().position();
      }
    }
    return null;
  }

  private static ResponseEntity<Map<String, Object>> answer(
      Submission submission, CommandResult result, long position) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(submission.idField(), result.aggregateId());
    body.put("version", result.version());
    body.put("position", position);
    return ResponseEntity.status(submission.success())
        .header(PositionHeader.POSITION, Long.toString(position))
        .body(body);
  }

  private static LedgerProblem problem(Rejection rejection, Submission submission) {
    if (rejection.equals(CommitFailures.DUPLICATE_ID)) {
      return new LedgerProblem(HttpStatus.CONFLICT, duplicateId(submission));
    }
    if (rejection.kind() == Rejection.Kind.CONFLICT
        && CommitFailures.EXPECTED_VERSION.equals(rejection.field())) {
      return staleVersion(rejection.message());
    }
    return switch (rejection.kind()) {
      case INVALID ->
          new LedgerProblem(
              HttpStatus.BAD_REQUEST,
              rejection.field() + " " + rejection.message(),
              List.of(new FieldError(rejection.field(), rejection.message())),
              null);
      case FORBIDDEN -> new LedgerProblem(HttpStatus.FORBIDDEN, rejection.message());
      case NOT_FOUND -> new LedgerProblem(HttpStatus.NOT_FOUND, rejection.message());
      case CONFLICT -> new LedgerProblem(HttpStatus.CONFLICT, rejection.message());
      case RULE ->
          rejection.field() == null
              ? new LedgerProblem(HttpStatus.UNPROCESSABLE_ENTITY, rejection.message())
              : new LedgerProblem(
                  HttpStatus.UNPROCESSABLE_ENTITY,
                  rejection.field() + " " + rejection.message(),
                  List.of(new FieldError(rejection.field(), rejection.message())),
                  null);
      case UNAVAILABLE ->
          rejection.equals(CommitFailures.DATABASE_BUSY)
              ? DatabaseUnavailable.busy()
              : DatabaseUnavailable.problem();
    };
  }

  private static LedgerProblem staleVersion(String message) {
    return new LedgerProblem(
        HttpStatus.CONFLICT,
        message,
        List.of(new FieldError("expectedVersion", "does not match the current version")),
        null);
  }

  private static String duplicateId(Submission submission) {
    return "A record with this " + submission.idField() + " already exists.";
  }

  private static String correlationId(HttpServletRequest request) {
    String given = request.getHeader(CORRELATION_HEADER);
    return given != null && !given.isBlank() && given.length() <= 255
        ? given
        : UUID.randomUUID().toString();
  }

  private String hash(HttpServletRequest request, Object body) {
    try {
      String canonical =
          request.getMethod()
              + " "
              + request.getRequestURI()
              + "\n"
              + objectMapper.writeValueAsString(body);
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("cannot hash request", e);
    }
  }
}
