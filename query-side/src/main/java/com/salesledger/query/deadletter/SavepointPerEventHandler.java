package com.salesledger.query.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every event handler of the query side inside a savepoint of the batch's transaction. In
 * PostgreSQL one failed statement aborts the whole transaction; without the savepoint, a poison
 * event would also fail the dead-letter insert and every other event of its batch. With it, only
 * that handler's own writes are undone and the batch goes on.
 */
class SavepointPerEventHandler implements HandlerEnhancerDefinition {

  private final ObjectProvider<PlatformTransactionManager> transactionManager;
  private volatile TransactionTemplate nested;

  SavepointPerEventHandler(ObjectProvider<PlatformTransactionManager> transactionManager) {
    this.transactionManager = transactionManager;
  }

  @Override
  public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
    if (!original.canHandleMessageType(EventMessage.class)) {
      return original;
    }
    return new WrappedMessageHandlingMember<>(original) {
      @Override
      public Object handle(Message<?> message, T target) throws Exception {
        Object[] result = new Object[1];
        Exception[] failure = new Exception[1];
        template()
            .executeWithoutResult(
                status -> {
                  try {
                    result[0] = super.handle(message, target);
                  } catch (Exception e) {
                    failure[0] = e;
                    status.setRollbackOnly();
                  }
                });
        if (failure[0] != null) {
          throw failure[0];
        }
        return result[0];
      }
    };
  }

  private TransactionTemplate template() {
    if (nested == null) {
      TransactionTemplate template = new TransactionTemplate(transactionManager.getObject());
      template.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
      nested = template;
    }
    return nested;
  }
}
