package com.salesledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * With the embedded database, the disk that fills up first is the data folder's: both apps' health
 * watches its free space, not the folder the ledger was started from (with an external database,
 * Spring's default stays). (A probe filled that disk: PostgreSQL stopped and health said disk space
 * UP, for the working folder on another disk.)
 */
class HealthOfTheDataFolderTest {

  @Test
  void health_watches_the_free_space_of_the_data_folder() {
    Ledger ledger = SharedLedger.get();
    // an external database's disk is not the ledger's: then Spring's default, the working folder
    Path watched =
        ledger.embeddedDatabase().isPresent()
            ? SharedLedger.dataDir().toAbsolutePath().normalize()
            : Path.of("").toAbsolutePath().normalize();
    for (int port : new int[] {ledger.commandPort(), ledger.queryPort()}) {
      JsonNode disk =
          Api.at(port, "admin").get("/actuator/health").json().at("/components/diskSpace/details");
      assertThat(Path.of(disk.get("path").asText()).toAbsolutePath().normalize())
          .isEqualTo(watched);
      assertThat(disk.get("free").asLong()).isPositive();
    }
  }
}
