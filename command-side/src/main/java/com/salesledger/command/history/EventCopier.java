package com.salesledger.command.history;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.postgresql.PGConnection;

/**
 * Writes events into the event table with one {@code COPY} per call, serialized exactly as the
 * command side's storage engine would (same serializer, same columns); the global index comes from
 * the table's own sequence. One call is one transaction.
 */
final class EventCopier {

  private static final String COPY =
      "COPY domain_event_entry (aggregate_identifier, sequence_number, type, event_identifier,"
          + " meta_data, payload, payload_revision, payload_type, time_stamp) FROM STDIN";
  private static final HexFormat HEX = HexFormat.of();

  private final Serializer serializer;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 22);

  EventCopier(Serializer serializer) {
    this.serializer = serializer;
  }

  void copy(Connection connection, List<DomainEventMessage<?>> events) throws SQLException {
    buffer.reset();
    StringBuilder row = new StringBuilder(2048);
    for (DomainEventMessage<?> event : events) {
      SerializedObject<byte[]> payload = serializer.serialize(event.getPayload(), byte[].class);
      SerializedObject<byte[]> metaData = serializer.serialize(event.getMetaData(), byte[].class);
      row.setLength(0);
      text(row, event.getAggregateIdentifier()).append('\t');
      row.append(event.getSequenceNumber()).append('\t');
      text(row, event.getType()).append('\t');
      text(row, event.getIdentifier()).append('\t');
      row.append("\\\\x").append(HEX.formatHex(metaData.getData())).append('\t');
      row.append("\\\\x").append(HEX.formatHex(payload.getData())).append('\t');
      text(row, payload.getType().getRevision()).append('\t');
      text(row, payload.getType().getName()).append('\t');
      text(row, event.getTimestamp().toString()).append('\n');
      buffer.writeBytes(row.toString().getBytes(StandardCharsets.UTF_8));
    }
    try {
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(COPY, new ByteArrayInputStream(buffer.toByteArray()));
    } catch (IOException e) {
      throw new SQLException("COPY of generated events failed", e);
    }
  }

  /**
   * A value in COPY's text format: {@code \N} for null, backslash and control characters escaped.
   */
  private static StringBuilder text(StringBuilder row, String value) {
    if (value == null) {
      return row.append("\\N");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> row.append("\\\\");
        case '\t' -> row.append("\\t");
        case '\n' -> row.append("\\n");
        case '\r' -> row.append("\\r");
        default -> row.append(c);
      }
    }
    return row;
  }
}
