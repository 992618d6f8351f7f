package com.salesledger.command.common;

import com.salesledger.events.common.LedgerMetaData;
import java.util.Optional;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads what an Idempotency-Key was first used for. Rows are written by the interceptor.
 *
 * <p>With events in Axon Server the key (in PostgreSQL) and the events are two stores, committed
 * events first ({@link LedgerCommandBus}). If the process dies between the two commits, the key's
 * row is missing but the events carry the key, the user and the request hash in their metadata: a
 * key without a row is therefore looked up in the events of the command's target aggregate, and
 * when found the row is written then and the request answered as a repeat.
 */
@Component
public class IdempotencyKeys {

  static final String ALREADY_USED = "was used by a request that completed meanwhile";

  public record Recorded(String requestHash, CommandResult result, Long position) {}

  private final JdbcTemplate jdbc;
  private final EventStore eventStore;
  private final boolean keysMayLagEvents;
  private final CommandTargetResolver targets = AnnotationCommandTargetResolver.builder().build();

  public IdempotencyKeys(
      JdbcTemplate jdbc,
      EventStore eventStore,
      @Value("${axon.axonserver.enabled:false}") boolean keysMayLagEvents) {
    this.jdbc = jdbc;
    this.eventStore = eventStore;
    this.keysMayLagEvents = keysMayLagEvents;
  }

  /** The first use of {@code key} by {@code user}; {@code command} is the one now being sent. */
  public Optional<Recorded> find(String user, String key, Object command) {
    Optional<Recorded> recorded = find(user, key);
    if (recorded.isPresent() || !keysMayLagEvents) {
      return recorded;
    }
    return fromEvents(user, key, command)
        .map(
            found -> {
              jdbc.update(
                  "insert into idempotency_key (username, idem_key, request_hash, aggregate_id,"
                      + " version) values (?, ?, ?, ?, ?) on conflict do nothing",
                  user,
                  key,
                  found.requestHash(),
                  found.result().aggregateId(),
                  found.result().version());
              return find(user, key).orElse(found);
            });
  }

  /** Remembers the position answered, so a repeat answers it too. */
  public void recordPosition(String user, String key, long position) {
    jdbc.update(
        "update idempotency_key set position = ? where username = ? and idem_key = ?",
        position,
        user,
        key);
  }

  private Optional<Recorded> find(String user, String key) {
    return jdbc
        .query(
            "select request_hash, aggregate_id, version, position from idempotency_key"
                + " where username = ? and idem_key = ?",
            (rs, i) ->
                new Recorded(
                    rs.getString(1),
                    new CommandResult(rs.getString(2), rs.getLong(3)),
                    rs.getObject(4, Long.class)),
            user,
            key)
        .stream()
        .findFirst();
  }

  private Optional<Recorded> fromEvents(String user, String key, Object command) {
    String aggregateId;
    try {
      aggregateId =
          targets.resolveTarget(GenericCommandMessage.asCommandMessage(command)).getIdentifier();
    } catch (IllegalArgumentException noTarget) {
      return Optional.empty();
    }
    Recorded found = null;
    DomainEventStream events = eventStore.readEvents(aggregateId);
    while (events.hasNext()) {
      DomainEventMessage<?> event = events.next();
      if (user.equals(event.getMetaData().get(LedgerMetaData.USER))
          && key.equals(event.getMetaData().get(LedgerMetaData.IDEMPOTENCY_KEY))) {
        found =
            new Recorded(
                (String) event.getMetaData().get(LedgerMetaData.REQUEST_HASH),
                new CommandResult(aggregateId, event.getSequenceNumber()),
                null);
      }
    }
    return Optional.ofNullable(found);
  }
}
