package com.salesledger.launcher;

/**
 * Tests that hold only for one event store are tagged and chosen by the build, never skipped at run
 * time: the default build ({@code ./mvnw -B verify}, events in PostgreSQL) leaves out {@link
 * #AXON_SERVER}; the Axon Server suite (README, "Axon Server") leaves out {@link #JDBC_EVENT_STORE}
 * with {@code -Dledger.test.excluded-groups=jdbc-event-store}.
 */
final class TestSuites {

  /** Needs the JDBC event table: writes to it, counts it, or kills the PostgreSQL that holds it. */
  static final String JDBC_EVENT_STORE = "jdbc-event-store";

  /** Needs events and idempotency keys in two stores, as only Axon Server has them. */
  static final String AXON_SERVER = "axon-server";

  private TestSuites() {}
}
