package com.salesledger.platform.db;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Both apps share one event store but own their other tables. The event-store schema is migrated
 * first under its own history table (by whichever app starts first; Flyway's lock keeps them
 * apart), then the app's own migrations under the history table its properties name.
 */
@Component
public class LedgerFlywayStrategy implements FlywayMigrationStrategy {

  @Override
  public void migrate(Flyway appFlyway) {
    Flyway.configure()
        .dataSource(appFlyway.getConfiguration().getDataSource())
        .locations("classpath:db/eventstore")
        .table("flyway_history_eventstore")
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load()
        .migrate();
    appFlyway.migrate();
  }
}
