package com.salesledger.platform.axon;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells Axon when an append failed because the (aggregate, sequence number) already exists, i.e. a
 * concurrent writer won. PostgreSQL reports it as SQLState 23505 (unique_violation), which Axon's
 * generic JDBC resolver does not recognise.
 */
public class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

  static final String UNIQUE_VIOLATION = "23505";

  @Override
  public boolean isDuplicateKeyViolation(Exception exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
