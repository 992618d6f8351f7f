package com.salesledger.command.common;

/** What a command handler answers: the aggregate it touched and its version afterwards. */
public record CommandResult(String aggregateId, long version) {

  /** Axon answers a creating command with the new aggregate's id; its first event is version 0. */
  public static CommandResult from(Object handlerResult) {
    if (handlerResult instanceof CommandResult result) {
      return result;
    }
    if (handlerResult instanceof String id) {
      return new CommandResult(id, 0);
    }
    throw new IllegalStateException("unexpected command result " + handlerResult);
  }
}
