package com.salesledger.query.common.projection;

import com.salesledger.query.common.ProjectionPositions;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Operations on projections (ADMIN): where each stands, and rebuilds beside the live ones. */
@RestController
@RequestMapping("/api/admin/projections")
@PreAuthorize("hasRole('ADMIN')")
class ProjectionsController {

  private static final URI WATCH = URI.create("/api/admin/projections");

  private final ProjectionRebuilds rebuilds;
  private final ProjectionPositions positions;
  private final EventProcessingConfiguration processing;

  ProjectionsController(
      ProjectionRebuilds rebuilds,
      ProjectionPositions positions,
      EventProcessingConfiguration processing) {
    this.rebuilds = rebuilds;
    this.positions = positions;
    this.processing = processing;
  }

  @GetMapping
  Map<String, Object> projections() {
    long head = positions.head();
    List<Map<String, Object>> list = new ArrayList<>();
    for (String name : rebuilds.names()) {
      long at = positions.position(name);
      StreamingEventProcessor processor =
          processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
      boolean error =
          processor.processingStatus().values().stream().anyMatch(s -> s.isErrorState());
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", name);
      entry.put("tables", rebuilds.tables(name));
      entry.put("position", at);
      entry.put("head", head);
      entry.put("lag", at < 0 ? head : Math.max(0, head - at));
      entry.put("status", error ? "ERROR" : processor.isRunning() ? "RUNNING" : "STOPPED");
      entry.put("segments", processor.processingStatus().size());
      list.add(entry);
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("head", head);
    answer.put("projections", list);
    answer.put("rebuild", rebuilds.progress());
    return answer;
  }

  @PostMapping("/rebuild")
  ResponseEntity<RebuildProgress> rebuildAll() {
    return ResponseEntity.accepted().location(WATCH).body(rebuilds.start(List.of()));
  }

  @PostMapping("/{name}/rebuild")
  ResponseEntity<RebuildProgress> rebuild(@PathVariable String name) {
    return ResponseEntity.accepted().location(WATCH).body(rebuilds.start(List.of(name)));
  }
}
