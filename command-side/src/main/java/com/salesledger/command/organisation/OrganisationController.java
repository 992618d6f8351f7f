package com.salesledger.command.organisation;

import com.salesledger.command.common.Answers;
import com.salesledger.command.common.CommandDispatcher;
import com.salesledger.command.common.CommandDispatcher.Submission;
import com.salesledger.command.common.Ids;
import com.salesledger.events.organisation.AddRep;
import com.salesledger.events.organisation.ChangeTeamManagers;
import com.salesledger.events.organisation.EstablishRegion;
import com.salesledger.events.organisation.FormTeam;
import com.salesledger.events.organisation.MoveRep;
import com.salesledger.events.organisation.MoveTeam;
import com.salesledger.platform.security.Permission;
import com.salesledger.platform.security.Permitted;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Organisation commands, for admins. Field presence and form are checked here; every rule
 * (duplicates, unknown parents, dates before a thing existed) in {@link Organisation}. Answers name
 * the region, team or rep the command was about, beside the organisation's version and position. A
 * new region, team or rep gets an id that targets can name ({@link Ids#requireScopeId}): a rep
 * "a:b" was accepted and could then never be given a target.
 */
@RestController
@RequestMapping("/api/organisation")
@Permitted(Permission.MANAGE_ORGANISATION)
class OrganisationController {

  record RegionRequest(
      String regionId, @NotBlank @Size(max = 200) String name, @NotNull LocalDate effectiveFrom) {}

  record TeamRequest(
      String teamId,
      String regionId,
      @NotBlank @Size(max = 200) String name,
      @NotNull @Size(max = 50) List<String> managers,
      @NotNull LocalDate effectiveFrom) {}

  record RepRequest(String rep, String teamId, @NotNull LocalDate effectiveFrom) {}

  record RepMoveRequest(
      String teamId, @NotNull LocalDate effectiveFrom, @NotBlank @Size(max = 1000) String reason) {}

  record TeamMoveRequest(
      String regionId,
      @NotNull LocalDate effectiveFrom,
      @NotBlank @Size(max = 1000) String reason) {}

  record ManagersRequest(
      @NotNull @Size(max = 50) List<String> managers,
      @NotNull LocalDate effectiveFrom,
      @NotBlank @Size(max = 1000) String reason) {}

  private final CommandDispatcher dispatcher;

  OrganisationController(CommandDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @PostMapping("/regions")
  ResponseEntity<Map<String, Object>> establishRegion(
      @Valid @RequestBody RegionRequest body, HttpServletRequest request) {
    String regionId = Ids.requireScopeId("regionId", body.regionId());
    return send(
        request,
        new EstablishRegion(regionId, body.name(), body.effectiveFrom()),
        body,
        HttpStatus.CREATED,
        null,
        "regionId",
        regionId);
  }

  @PostMapping("/teams")
  ResponseEntity<Map<String, Object>> formTeam(
      @Valid @RequestBody TeamRequest body, HttpServletRequest request) {
    String teamId = Ids.requireScopeId("teamId", body.teamId());
    List<String> managers = userNames("managers", body.managers());
    FormTeam command =
        new FormTeam(
            teamId,
            Ids.require("regionId", body.regionId()),
            body.name(),
            managers,
            body.effectiveFrom());
    return send(request, command, body, HttpStatus.CREATED, null, "teamId", teamId);
  }

  @PostMapping("/reps")
  ResponseEntity<Map<String, Object>> addRep(
      @Valid @RequestBody RepRequest body, HttpServletRequest request) {
    String rep = Ids.requireScopeId("rep", body.rep());
    AddRep command = new AddRep(rep, Ids.require("teamId", body.teamId()), body.effectiveFrom());
    return send(request, command, body, HttpStatus.CREATED, null, "rep", rep);
  }

  @PostMapping("/reps/{rep}/moves")
  ResponseEntity<Map<String, Object>> moveRep(
      @PathVariable String rep,
      @Valid @RequestBody RepMoveRequest body,
      HttpServletRequest request) {
    MoveRep command =
        new MoveRep(
            Ids.require("rep", rep),
            Ids.require("teamId", body.teamId()),
            body.effectiveFrom(),
            body.reason());
    return send(request, command, body, HttpStatus.OK, body.reason(), "rep", rep);
  }

  @PostMapping("/teams/{teamId}/moves")
  ResponseEntity<Map<String, Object>> moveTeam(
      @PathVariable String teamId,
      @Valid @RequestBody TeamMoveRequest body,
      HttpServletRequest request) {
    MoveTeam command =
        new MoveTeam(
            Ids.require("teamId", teamId),
            Ids.require("regionId", body.regionId()),
            body.effectiveFrom(),
            body.reason());
    return send(request, command, body, HttpStatus.OK, body.reason(), "teamId", teamId);
  }

  /** Replaces the team's managers from a date (added beside API.md's list). */
  @PostMapping("/teams/{teamId}/managers")
  ResponseEntity<Map<String, Object>> changeManagers(
      @PathVariable String teamId,
      @Valid @RequestBody ManagersRequest body,
      HttpServletRequest request) {
    ChangeTeamManagers command =
        new ChangeTeamManagers(
            Ids.require("teamId", teamId),
            userNames("managers", body.managers()),
            body.effectiveFrom(),
            body.reason());
    return send(request, command, body, HttpStatus.OK, body.reason(), "teamId", teamId);
  }

  private static List<String> userNames(String field, List<String> names) {
    for (String name : names) {
      Ids.require(field, name);
    }
    return List.copyOf(names);
  }

  private ResponseEntity<Map<String, Object>> send(
      HttpServletRequest request,
      Object command,
      Object body,
      HttpStatus success,
      String reason,
      String idField,
      String id) {
    return Answers.adding(
        dispatcher.send(request, new Submission(command, body, "organisationId", success, reason)),
        idField,
        id);
  }
}
