package com.salesledger.command.common;

import com.salesledger.events.common.LedgerMetaData;
import com.salesledger.events.common.Rejection;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Wraps every command handler. It records an Idempotency-Key in the same transaction as the
 * command's events (so a key is applied at most once, even under a race or a crash), and turns
 * refusals into {@link CommandExecutionException}s whose details survive the trip through Axon
 * Server.
 */
public class CommandOutcomeInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

  private final JdbcTemplate jdbc;

  /** Not a bean on purpose: Axon would register interceptor beans itself, maybe twice. */
  CommandOutcomeInterceptor(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
      throws Exception {
    CommandMessage<?> command = unitOfWork.getMessage();
    try {
      CommandResult result = CommandResult.from(chain.proceed());
      CommandResult answered =
          LastEventOfCommand.in(unitOfWork)
              .filter(last -> !last.aggregateId().equals(result.aggregateId()))
              .map(result::appending)
              .orElse(result);
      recordIdempotencyKey(command, answered);
      return answered;
    } catch (Rejected e) {
      throw new CommandExecutionException(e.getMessage(), null, e.rejection());
    } catch (ConflictingAggregateVersionException e) {
      throw refused(Rejection.Kind.CONFLICT, "expectedVersion", e.getMessage());
    } catch (AggregateNotFoundException e) {
      throw refused(
          Rejection.Kind.NOT_FOUND,
          null,
          Rejected.unknownMessage(String.valueOf(e.getAggregateIdentifier())));
    }
  }

  private void recordIdempotencyKey(CommandMessage<?> command, CommandResult result) {
    String key = (String) command.getMetaData().get(LedgerMetaData.IDEMPOTENCY_KEY);
    if (key == null) {
      return;
    }
    int inserted =
        jdbc.update(
            "insert into idempotency_key (username, idem_key, request_hash, aggregate_id, version)"
                + " values (?, ?, ?, ?, ?) on conflict do nothing",
            command.getMetaData().get(LedgerMetaData.USER),
            key,
            command.getMetaData().get(LedgerMetaData.REQUEST_HASH),
            result.aggregateId(),
            result.version());
    if (inserted == 0) {
      // Another request with this key committed first: undo ours, the caller replays theirs.
      throw refused(Rejection.Kind.CONFLICT, "Idempotency-Key", IdempotencyKeys.ALREADY_USED);
    }
  }

  private static CommandExecutionException refused(
      Rejection.Kind kind, String field, String message) {
    return new CommandExecutionException(message, null, new Rejection(kind, field, message));
  }
}
