package com.salesledger.command.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;

/** Where one generator thread writes its chunks of accepted events; one chunk per transaction. */
interface ChunkWriter extends AutoCloseable {

  void write(List<DomainEventMessage<?>> chunk) throws SQLException;

  @Override
  void close() throws SQLException;

  /** Opens a writer for one generator thread. */
  interface Factory {
    ChunkWriter open() throws SQLException;
  }

  /** Straight into the JDBC event table with {@code COPY}: the fast path on PostgreSQL. */
  static Factory copyInto(DataSource dataSource, Serializer serializer) {
    return () -> {
      Connection connection = dataSource.getConnection();
      connection.setAutoCommit(true);
      EventCopier copier = new EventCopier(serializer);
      return new ChunkWriter() {
        @Override
        public void write(List<DomainEventMessage<?>> chunk) throws SQLException {
          copier.copy(connection, chunk);
        }

        @Override
        public void close() throws SQLException {
          connection.close();
        }
      };
    };
  }

  /**
   * Through the ledger's event store, for stores without an event table (Axon Server): each chunk
   * is appended as one batch, with the aggregates' sequence numbers checked by the store.
   */
  static Factory publishTo(EventStore eventStore) {
    return () ->
        new ChunkWriter() {
          @Override
          public void write(List<DomainEventMessage<?>> chunk) {
            eventStore.publish(chunk);
          }

          @Override
          public void close() {}
        };
  }
}
