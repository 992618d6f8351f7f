package com.salesledger.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;

/** What the credit HTTP tests share: bodies, and reading the stored events of a stream. */
final class CreditTesting {

  static final String TODAY = LocalDate.now(ZoneOffset.UTC).toString();

  /** One stored event: its simple type, payload and metadata. */
  record Stored(String type, JsonNode payload, JsonNode metaData) {}

  private CreditTesting() {}

  static Map<String, Object> account(String customerId, String limit, int terms) {
    return Map.of(
        "customerId", customerId, "rating", "B", "limit", limit, "paymentTermsDays", terms);
  }

  /** Opens a deal of {@code customer} for rep1 and answers its id. */
  static String openDeal(Api manager, String customer, String amount) {
    Map<String, Object> body = TestDeals.dealFor("rep1");
    body.put("customerId", customer);
    body.put("amount", amount);
    Api.Response opened = manager.post("/api/deals", body);
    assertThat(opened.status()).as(opened.text()).isEqualTo(201);
    return opened.json().get("dealId").asText();
  }

  static Map<String, Object> win(String amount) {
    return Map.of("finalAmount", amount, "cost", "1.00", "closeDate", TODAY);
  }

  static String streamOf(String customerId) {
    return "credit-account/" + customerId;
  }

  /** The events of one stream, read through Axon so it works on either event store. */
  static List<Stored> events(Ledger ledger, String aggregateId) {
    return StoredEvents.of(ledger, aggregateId).stream()
        .map(
            e ->
                new Stored(
                    e.getPayloadType().getSimpleName(),
                    Api.JSON.valueToTree(e.getPayload()),
                    Api.JSON.valueToTree(e.getMetaData())))
        .toList();
  }

  static List<String> types(Ledger ledger, String aggregateId) {
    return events(ledger, aggregateId).stream().map(Stored::type).toList();
  }

  static long count(Ledger ledger, String aggregateId, String type) {
    return types(ledger, aggregateId).stream().filter(type::equals).count();
  }

  /**
   * Waits until the command side's credit-warnings processor has handled every stored event (and
   * the events its evaluations caused), so no asynchronous event lands after the test.
   */
  static void awaitWarningsSettled(Ledger ledger) {
    StreamingEventProcessor processor =
        ledger
            .commandSide()
            .getBean(EventProcessingConfiguration.class)
            .eventProcessor("credit-warnings", StreamingEventProcessor.class)
            .orElseThrow();
    EventStore store = ledger.commandSide().getBean(EventStore.class);
    awaitTrue(
        "credit-warnings caught up",
        () -> {
          long head = store.createHeadToken().position().orElse(0);
          return processor.processingStatus().values().stream()
              .allMatch(s -> s.getCurrentPosition().orElse(-1) >= head && !s.isErrorState());
        });
  }

  static <T> T await(String what, java.util.function.Supplier<T> value, Predicate<T> done) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    T last = value.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what + "; last: " + last);
      }
      sleep(100);
      last = value.get();
    }
    return last;
  }

  static void awaitTrue(String what, java.util.function.BooleanSupplier condition) {
    await(what, condition::getAsBoolean, Boolean::booleanValue);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
