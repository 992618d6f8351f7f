package com.salesledger.query.deadletter;

import com.salesledger.platform.web.LedgerProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operations on parked events (ADMIN): list them, retry a sequence or all, evict one. Evicting
 * removes the event from that projection only; it stays in the event store for ever.
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
@PreAuthorize("hasRole('ADMIN')")
class DeadLetterController {

  private static final int MAX_LIST = 500;

  private final DeadLetters deadLetters;

  DeadLetterController(DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
  }

  @GetMapping
  Map<String, Object> list(@RequestParam(required = false) String processor) {
    Map<String, Object> answer = new LinkedHashMap<>();
    for (String name : processors(processor)) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("count", deadLetters.count(name));
      entry.put("deadLetters", deadLetters.list(name, MAX_LIST));
      answer.put(name, entry);
    }
    return Map.of("processors", answer);
  }

  @PostMapping("/{processor}/retry")
  Map<String, Object> retryAll(@PathVariable String processor) {
    requireKnown(processor);
    int handled = deadLetters.retryAll(processor);
    return Map.of(
        "processor", processor,
        "sequencesHandled", handled,
        "remaining", deadLetters.count(processor));
  }

  @PostMapping("/{processor}/{eventId}/retry")
  Map<String, Object> retry(@PathVariable String processor, @PathVariable String eventId) {
    requireKnown(processor);
    boolean handled = deadLetters.retry(processor, eventId);
    return Map.of(
        "processor", processor,
        "eventId", eventId,
        "handled", handled,
        "remaining", deadLetters.count(processor));
  }

  @DeleteMapping("/{processor}/{eventId}")
  Map<String, Object> evict(@PathVariable String processor, @PathVariable String eventId) {
    requireKnown(processor);
    if (!deadLetters.evict(processor, eventId)) {
      throw LedgerProblem.notFound("No dead letter " + eventId + " in " + processor + ".");
    }
    return Map.of(
        "processor", processor,
        "evicted", eventId,
        "remaining", deadLetters.count(processor));
  }

  private List<String> processors(String processor) {
    if (processor == null) {
      return deadLetters.processors();
    }
    requireKnown(processor);
    return List.of(processor);
  }

  private void requireKnown(String processor) {
    if (!deadLetters.processors().contains(processor)) {
      throw LedgerProblem.notFound("No projection named " + processor + ".");
    }
  }
}
