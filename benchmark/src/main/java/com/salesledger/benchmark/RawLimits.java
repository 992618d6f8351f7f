package com.salesledger.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

/**
 * What the same PostgreSQL does without the ledger, measured in the same run: the limits the
 * ledger's figures are divided by.
 */
final class RawLimits {

  private final DataSource dataSource;
  private final Serializer serializer;

  RawLimits(DataSource dataSource, Serializer serializer) {
    this.dataSource = dataSource;
    this.serializer = serializer;
  }

  /**
   * Single-row inserts of an event-sized row, one commit each (the limit for one event per
   * command), on {@code threads} connections, into a table shaped like the event table.
   */
  Load.Result singleRowCommits(int threads, double seconds, byte[] payload, byte[] metaData)
      throws Exception {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("drop table if exists bench_raw_event");
      s.execute("create table bench_raw_event (like domain_event_entry including all)");
    }
    Connection[] connections = new Connection[threads];
    PreparedStatement[] statements = new PreparedStatement[threads];
    for (int t = 0; t < threads; t++) {
      connections[t] = dataSource.getConnection();
      connections[t].setAutoCommit(true);
      statements[t] =
          connections[t].prepareStatement(
              "insert into bench_raw_event (aggregate_identifier, sequence_number, type,"
                  + " event_identifier, meta_data, payload, payload_type, time_stamp)"
                  + " values (?,?,?,?,?,?,?,?)");
    }
    try {
      return Load.run(
          threads,
          seconds,
          (thread, n) -> {
            PreparedStatement ps = statements[thread];
            ps.setString(1, "RAW-" + thread + "-" + n);
            ps.setLong(2, 0);
            ps.setString(3, "Deal");
            ps.setString(4, UUID.randomUUID().toString());
            ps.setBytes(5, metaData);
            ps.setBytes(6, payload);
            ps.setString(7, "com.salesledger.events.deal.DealOpened");
            ps.setString(8, java.time.Instant.now().toString());
            return ps.executeUpdate() == 1;
          });
    } finally {
      for (Connection connection : connections) {
        connection.close();
      }
      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.execute("drop table bench_raw_event");
      }
    }
  }

  /**
   * Reads every event in order, deserializes its payload into the event record, and writes one row
   * per event in JDBC batches (committed per batch) into a table with a primary key: the work a
   * rebuild cannot avoid. Answers events per second.
   */
  double scanDeserializeWrite(int batchSize) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("drop table if exists bench_raw_replay");
      s.execute(
          "create table bench_raw_replay (global_index bigint primary key,"
              + " aggregate_identifier varchar(255) not null, payload_type varchar(255) not null)");
    }
    long started = System.nanoTime();
    long events = 0;
    try (Connection read = dataSource.getConnection();
        Connection write = dataSource.getConnection()) {
      read.setAutoCommit(false);
      write.setAutoCommit(false);
      try (PreparedStatement scan =
              read.prepareStatement(
                  "select global_index, aggregate_identifier, payload_type, payload_revision,"
                      + " payload from domain_event_entry order by global_index");
          PreparedStatement insert =
              write.prepareStatement(
                  "insert into bench_raw_replay (global_index, aggregate_identifier,"
                      + " payload_type) values (?,?,?)")) {
        scan.setFetchSize(batchSize);
        try (ResultSet rows = scan.executeQuery()) {
          int inBatch = 0;
          while (rows.next()) {
            Object payload =
                serializer.deserialize(
                    new SimpleSerializedObject<>(
                        rows.getBytes(5),
                        byte[].class,
                        new SimpleSerializedType(rows.getString(3), rows.getString(4))));
            if (payload == null) {
              throw new IllegalStateException("event " + rows.getLong(1) + " did not deserialize");
            }
            insert.setLong(1, rows.getLong(1));
            insert.setString(2, rows.getString(2));
            insert.setString(3, payload.getClass().getName());
            insert.addBatch();
            events++;
            if (++inBatch == batchSize) {
              insert.executeBatch();
              write.commit();
              inBatch = 0;
            }
          }
          insert.executeBatch();
          write.commit();
        }
      }
      read.commit();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute("drop table bench_raw_replay");
    }
    return events / seconds;
  }
}
