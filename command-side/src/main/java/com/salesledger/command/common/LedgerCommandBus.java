package com.salesledger.command.common;

import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MessageHandler;

/**
 * The command side's local command bus (Axon Server's "local segment" in that profile). It does two
 * things Axon's own bus does not:
 *
 * <ul>
 *   <li>refusals found only at commit (stale version, duplicate id) leave it as {@link
 *       CommitFailures rejections}, so they answer 409 whether or not Axon Server is in between;
 *   <li>with events in Axon Server ({@code databaseAfterEvents} given), the PostgreSQL transaction
 *       (idempotency key) commits only after Axon Server has committed the events. Axon would
 *       commit it first; a crash or a refused append in between would then leave a key for events
 *       that were never stored, and a retry would be answered as if they had been. In this order
 *       the worst case is events without their key, which {@link IdempotencyKeys} finds again from
 *       the events' metadata.
 * </ul>
 */
class LedgerCommandBus extends SimpleCommandBus {

  private final TransactionManager databaseAfterEvents;

  LedgerCommandBus(Builder builder, TransactionManager databaseAfterEvents) {
    super(builder);
    this.databaseAfterEvents = databaseAfterEvents;
  }

  @Override
  protected <C, R> void handle(
      CommandMessage<C> command,
      MessageHandler<? super CommandMessage<?>> handler,
      CommandCallback<? super C, ? super R> callback) {
    Transaction database;
    try {
      database = databaseAfterEvents == null ? null : databaseAfterEvents.startTransaction();
    } catch (RuntimeException unavailable) {
      // No transaction, no command: reported like any failure, so an outage keeps its meaning
      // (503) on its way back through Axon Server.
      callback.onResult(
          command, translated(GenericCommandResultMessage.asCommandResultMessage(unavailable)));
      return;
    }
    CommandCallback<C, R> finishing =
        (message, result) -> {
          CommandResultMessage<? extends R> outcome =
              database == null ? result : finish(database, result);
          callback.onResult(message, translated(outcome));
        };
    // The unit of work catches every failure of the handler and of its commit and reports it to
    // the callback, so the transaction is always finished there.
    super.handle(command, handler, finishing);
  }

  private static <R> CommandResultMessage<? extends R> finish(
      Transaction database, CommandResultMessage<? extends R> result) {
    if (result.isExceptional()) {
      database.rollback();
      return result;
    }
    try {
      database.commit();
      return result;
    } catch (RuntimeException e) {
      // The events are in Axon Server already: whatever the database's reason, this is never a
      // lost race to send again, only a retry with the same Idempotency-Key can tell (README).
      return GenericCommandResultMessage.asCommandResultMessage(
          new CommitFailures.AfterTheEvents(e));
    }
  }

  private static <R> CommandResultMessage<? extends R> translated(
      CommandResultMessage<? extends R> result) {
    if (!result.isExceptional()) {
      return result;
    }
    Throwable translated = CommitFailures.translate(result.exceptionResult());
    return translated == result.exceptionResult()
        ? result
        : GenericCommandResultMessage.asCommandResultMessage(translated);
  }
}
