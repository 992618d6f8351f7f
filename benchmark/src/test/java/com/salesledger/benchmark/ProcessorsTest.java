package com.salesledger.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessorsTest {

  @Test
  void a_tokens_position_is_its_index_and_a_replay_stands_at_the_lower_of_its_two() {
    assertThat(Processors.lowestIndex("{\"index\":3908367,\"gaps\":[]}")).isEqualTo(3_908_367);
    assertThat(
            Processors.lowestIndex(
                "{\"tokenAtReset\":{\"index\":900,\"gaps\":[]},"
                    + "\"currentToken\":{\"index\":12,\"gaps\":[5]},\"context\":null}"))
        .isEqualTo(12);
    assertThat(Processors.lowestIndex("{\"something\":\"else\"}")).isEqualTo(-1);
  }
}
