package com.salesledger.query.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * How far each projection has got in the global event stream, from its processors' tracking tokens.
 * Used for read-your-writes waits, the X-Ledger-Position header and the health details. When
 * several query-side instances split a processor's segments, this instance's own segments are not
 * the whole read model: then every segment's token is read from the token store.
 */
@Component
public class ProjectionPositions {

  private static final long SEGMENT_COUNT_TTL_MS = 1_000;

  private final EventProcessingConfiguration processing;
  private final EventStore eventStore;
  private final TokenStore tokenStore;
  private final JdbcTemplate jdbc;
  private final Serializer serializer;
  private final Map<String, long[]> segmentCounts = new ConcurrentHashMap<>();

  public ProjectionPositions(
      EventProcessingConfiguration processing,
      EventStore eventStore,
      TokenStore tokenStore,
      JdbcTemplate jdbc,
      @Qualifier("serializer") Serializer serializer) {
    this.processing = processing;
    this.eventStore = eventStore;
    this.tokenStore = tokenStore;
    this.jdbc = jdbc;
    this.serializer = serializer;
  }

  /**
   * The highest position the processor has handled (the lowest over its segments); -1 while it has
   * no segment claimed anywhere (e.g. still starting).
   */
  public long position(String processorName) {
    List<TrackingToken> tokens = tokens(processorName);
    if (tokens.isEmpty()) {
      return -1;
    }
    long min = Long.MAX_VALUE;
    for (TrackingToken token : tokens) {
      TrackingToken plain = token == null ? null : WrappedToken.unwrapLowerBound(token);
      min = Math.min(min, plain == null ? 0 : plain.position().orElse(0));
    }
    return min;
  }

  /**
   * Whether the event at {@code position} is in the read model. A gap below the highest position is
   * either a transaction still in flight or one that rolled back and never will appear; an event a
   * writer saw committed is never such a gap once the processor has passed it, so the question is
   * asked of that one position only.
   */
  public boolean hasProcessed(String processorName, long position) {
    if (position <= 0) {
      return true;
    }
    List<TrackingToken> tokens = tokens(processorName);
    return !tokens.isEmpty() && tokens.stream().allMatch(t -> covers(t, position));
  }

  /** Every segment's token: from this instance's processor, or the store when it has only some. */
  private List<TrackingToken> tokens(String processorName) {
    Map<Integer, EventTrackerStatus> status = status(processorName);
    if (!status.isEmpty() && status.size() >= segmentCount(processorName)) {
      List<TrackingToken> tokens = new ArrayList<>();
      status.values().forEach(s -> tokens.add(s.getTrackingToken()));
      return tokens;
    }
    return jdbc.query(
        "select token, token_type from token_entry where processor_name = ?",
        (rs, i) -> {
          byte[] token = rs.getBytes(1);
          return token == null
              ? null
              : serializer.<byte[], TrackingToken>deserialize(
                  new SimpleSerializedObject<>(
                      token, byte[].class, new SimpleSerializedType(rs.getString(2), null)));
        },
        processorName);
  }

  private int segmentCount(String processorName) {
    long now = System.currentTimeMillis();
    long[] cached = segmentCounts.get(processorName);
    if (cached == null || now - cached[1] > SEGMENT_COUNT_TTL_MS) {
      cached = new long[] {tokenStore.fetchSegments(processorName).length, now};
      segmentCounts.put(processorName, cached);
    }
    return (int) cached[0];
  }

  private Map<Integer, EventTrackerStatus> status(String processorName) {
    return processing
        .eventProcessor(processorName, StreamingEventProcessor.class)
        .orElseThrow(() -> new IllegalArgumentException("no streaming processor " + processorName))
        .processingStatus();
  }

  static boolean covers(TrackingToken token, long position) {
    if (token == null) {
      return false;
    }
    TrackingToken plain = WrappedToken.unwrapLowerBound(token);
    if (plain == null) {
      return false; // a replay that has not handled anything yet
    }
    if (plain instanceof GapAwareTrackingToken gapAware) {
      return gapAware.getIndex() >= position && !gapAware.getGaps().contains(position);
    }
    return plain.position().orElse(-1) >= position;
  }

  public boolean isReplaying(String processorName) {
    return processing
        .eventProcessor(processorName, StreamingEventProcessor.class)
        .map(StreamingEventProcessor::isReplaying)
        .orElse(false);
  }

  /** The newest position in the event store (0 when it is empty). */
  public long head() {
    TrackingToken head = eventStore.createHeadToken();
    return head == null ? 0 : head.position().orElse(0);
  }
}
