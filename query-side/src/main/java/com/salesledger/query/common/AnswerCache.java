package com.salesledger.query.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.salesledger.platform.security.DataScope;
import com.salesledger.platform.web.PositionHeader;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * The heavy reports' answers (dashboard, ageing, collections), kept as the JSON they were written
 * as, each under the state of the read model it was computed from: the tracking tokens of the
 * processors that feed it (stored in the same transaction as their writes) and the {@link
 * ReadModelGeneration}. A question asked again while that state has not moved is answered from
 * memory; any processed event, rebuild swap or dead-letter retry moves it, and the next question is
 * computed anew. The state and the answer are read in one repeatable-read snapshot, so an answer is
 * never kept under a state it does not reflect.
 *
 * <p>The state also gives each answer an entity tag: a client that kept the last answer and sends
 * its tag in {@code If-None-Match} gets 304 while nothing has changed. {@code Cache-Control:
 * no-cache} on a request computes the answer anew (and keeps that one).
 */
@Component
public class AnswerCache {

  /**
   * What was asked, by whom and on which day: the report, its parameters as the controller parsed
   * them, the caller's data scope, and today's date in the ledger's zone (a present answer depends
   * on it: which target revision is in force, which invoices are overdue).
   */
  public record Question(String report, String parameters, DataScope scope, LocalDate today) {

    String canonical() {
      return String.join(
          "\u0000",
          report,
          parameters,
          Boolean.toString(scope.unlimited()),
          String.join("\u0001", new TreeSet<>(scope.reps())),
          String.join("\u0001", new TreeSet<>(scope.teams())),
          today.toString());
    }
  }

  private record Kept(byte[] state, byte[] body, String tag) {}

  /** What a kept answer weighs besides its body: key, state, tag and the cache's own entry. */
  private static final int ENTRY_OVERHEAD_BYTES = 512;

  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final TransactionTemplate snapshot;
  private final Cache<Question, Kept> kept;

  public AnswerCache(
      JdbcTemplate jdbc,
      ObjectMapper json,
      PlatformTransactionManager transactions,
      @Value("${ledger.query.answer-cache-size:32MB}") DataSize size) {
    this.jdbc = jdbc;
    this.json = json;
    // Repeatable read is set by the transaction's first statement (SNAPSHOT), not by the
    // template: for that, the driver asked the session's isolation level, set it and set it back
    // around every answer, three round trips to PostgreSQL of an answer's ten or so.
    this.snapshot = new TransactionTemplate(transactions);
    snapshot.setReadOnly(true);
    this.kept =
        size.toBytes() <= 0
            ? null
            : Caffeine.newBuilder()
                .maximumWeight(size.toBytes())
                .<Question, Kept>weigher(
                    (question, answer) ->
                        (int)
                            Math.min(
                                Integer.MAX_VALUE,
                                (long) answer.body().length + ENTRY_OVERHEAD_BYTES))
                .build();
  }

  /**
   * The answer to {@code question}, computed by {@code compute} unless kept for the present state
   * of {@code processors} (and the organisation's, which every data scope is read from).
   */
  public ResponseEntity<byte[]> answer(
      Question question,
      List<String> processors,
      long position,
      HttpServletRequest request,
      Supplier<?> compute) {
    boolean recompute = asksForNew(request);
    Kept answer =
        snapshot.execute(
            tx -> {
              jdbc.execute(SNAPSHOT);
              byte[] state = state(processors);
              Kept known = kept == null || recompute ? null : kept.getIfPresent(question);
              if (known != null && Arrays.equals(known.state(), state)) {
                return known;
              }
              Kept computed = new Kept(state, write(compute.get()), tag(question, state));
              if (kept != null) {
                kept.put(question, computed);
              }
              return computed;
            });
    boolean unchanged = matches(request, answer.tag());
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(unchanged ? HttpStatus.NOT_MODIFIED : HttpStatus.OK)
            .eTag(answer.tag())
            .header(PositionHeader.POSITION, Long.toString(position));
    return unchanged
        ? response.build()
        : response.contentType(MediaType.APPLICATION_JSON).body(answer.body());
  }

  /**
   * The first statement of an answer's transaction, before its snapshot is taken: one snapshot for
   * the state and every query of the answer (repeatable read), and plans for the values given. The
   * driver prepares a statement on the server once it has run five times, and PostgreSQL then
   * switches to one plan for any values when that looks no dearer; for the dashboard's targets it
   * did not know that one period was asked and read every period's targets: 9.9 ms instead of 1.9
   * at 10 million events, the largest part of a year by rep. Planning anew costs well under a
   * millisecond here; the projections' writes keep their cached plans. Both settings end with the
   * transaction; the two statements go to PostgreSQL in one round trip.
   */
  static final String SNAPSHOT =
      "set transaction isolation level repeatable read;"
          + " set local plan_cache_mode = force_custom_plan";

  /** The tokens of the processors (and the organisation's) and the generation, as one digest. */
  private byte[] state(List<String> processors) {
    String[] names = Freshness.withOrganisation(processors.toArray(String[]::new));
    MessageDigest digest = sha256();
    long[] current = new long[1];
    // the generation read with the tokens, in one round trip
    jdbc.query(
        "select t.processor_name, t.segment, t.token, g.generation from (select "
            + ReadModelGeneration.CURRENT
            + " as generation) g left join token_entry t on t.processor_name in ("
            + String.join(", ", java.util.Collections.nCopies(names.length, "?"))
            + ") order by t.processor_name, t.segment",
        rs -> {
          current[0] = rs.getLong(4);
          if (rs.getString(1) == null) {
            return; // no processor has a token yet: the generation alone
          }
          digest.update(rs.getString(1).getBytes(StandardCharsets.UTF_8));
          digest.update((byte) 0);
          digest.update(Integer.toString(rs.getInt(2)).getBytes(StandardCharsets.US_ASCII));
          byte[] token = rs.getBytes(3);
          digest.update(token == null ? new byte[] {0} : token);
          digest.update((byte) 0);
        },
        (Object[]) names);
    digest.update(Long.toString(current[0]).getBytes(StandardCharsets.US_ASCII));
    return digest.digest();
  }

  private byte[] write(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write an answer as JSON", e);
    }
  }

  /** A strong tag: the same question in the same state has the same bytes. */
  private static String tag(Question question, byte[] state) {
    MessageDigest digest = sha256();
    digest.update(question.canonical().getBytes(StandardCharsets.UTF_8));
    digest.update(state);
    return "\""
        + Base64.getUrlEncoder().withoutPadding().encodeToString(digest.digest()).substring(0, 27)
        + "\"";
  }

  private static boolean asksForNew(HttpServletRequest request) {
    for (String value : java.util.Collections.list(request.getHeaders(HttpHeaders.CACHE_CONTROL))) {
      for (String directive : value.split(",")) {
        String d = directive.trim().toLowerCase(java.util.Locale.ROOT);
        if (d.equals("no-cache")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether {@code If-None-Match} names this answer's tag, or {@code *}. Spring MVC would also
   * answer 304 for a matching tag on its own, but not for {@code *} (tried: 200), which RFC 9110
   * makes false for any existing representation; so the answer is decided here.
   */
  private static boolean matches(HttpServletRequest request, String tag) {
    for (String value : java.util.Collections.list(request.getHeaders(HttpHeaders.IF_NONE_MATCH))) {
      for (String candidate : value.split(",")) {
        String c = candidate.trim();
        if (c.startsWith("W/")) {
          c = c.substring(2);
        }
        if (c.equals("*") || c.equals(tag)) {
          return true;
        }
      }
    }
    return false;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
