package com.salesledger.command.organisation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.salesledger.command.common.Access;
import com.salesledger.command.common.Caller;
import com.salesledger.command.common.CommandResult;
import com.salesledger.command.common.Rejected;
import com.salesledger.events.common.LedgerMetaData;
import com.salesledger.events.organisation.AddRep;
import com.salesledger.events.organisation.ChangeTeamManagers;
import com.salesledger.events.organisation.EstablishRegion;
import com.salesledger.events.organisation.FormTeam;
import com.salesledger.events.organisation.MoveRep;
import com.salesledger.events.organisation.MoveTeam;
import com.salesledger.events.organisation.OrganisationEvents;
import com.salesledger.events.organisation.OrganisationIds;
import com.salesledger.events.organisation.RegionEstablished;
import com.salesledger.events.organisation.RepJoined;
import com.salesledger.events.organisation.RepMoved;
import com.salesledger.events.organisation.TeamFormed;
import com.salesledger.events.organisation.TeamManagersChanged;
import com.salesledger.events.organisation.TeamMoved;
import com.salesledger.platform.security.AccessPolicy;
import com.salesledger.platform.security.Permission;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The whole organisation as one aggregate: a team goes into a region and a rep into a team only if
 * that region or team existed on the day, which needs every region and team in view. Its stream is
 * small (a few thousand events at the scale of DESIGN.md) and changes rarely, so one stream costs
 * nothing in contention. Every change is effective from a business date; the event's timestamp is
 * when the ledger learnt it.
 */
@Aggregate
public class Organisation {

  @AggregateIdentifier private String organisationId;
  private OrganisationTimeline timeline = new OrganisationTimeline();

  protected Organisation() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public CommandResult handle(
      EstablishRegion command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      AccessPolicy policy) {
    requireAdmin(policy, user, roles);
    if (timeline.hasRegion(command.regionId())) {
      throw Rejected.conflict("Region " + command.regionId() + " already exists.");
    }
    apply(new RegionEstablished(command.regionId(), command.name(), command.effectiveFrom()));
    return result();
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public CommandResult handle(
      FormTeam command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      AccessPolicy policy) {
    requireAdmin(policy, user, roles);
    if (timeline.hasTeam(command.teamId())) {
      throw Rejected.conflict("Team " + command.teamId() + " already exists.");
    }
    requireRegionOn(command.regionId(), command.effectiveFrom());
    apply(
        new TeamFormed(
            command.teamId(),
            command.regionId(),
            command.name(),
            sorted(command.managers()),
            command.effectiveFrom()));
    return result();
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public CommandResult handle(
      AddRep command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      AccessPolicy policy) {
    requireAdmin(policy, user, roles);
    if (timeline.hasRep(command.rep())) {
      throw Rejected.conflict(
          "Rep " + command.rep() + " is already in the organisation; move them instead.");
    }
    requireTeamOn(command.teamId(), command.effectiveFrom());
    apply(new RepJoined(command.rep(), command.teamId(), command.effectiveFrom()));
    return result();
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public CommandResult handle(
      MoveRep command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      AccessPolicy policy) {
    requireAdmin(policy, user, roles);
    LocalDate joined =
        timeline
            .repFrom(command.rep())
            .orElseThrow(() -> Rejected.notFound("No rep " + command.rep() + "."));
    requireNotBefore(joined, command.effectiveFrom(), "rep " + command.rep() + " joined");
    requireTeamOn(command.teamId(), command.effectiveFrom());
    String from = timeline.teamOf(command.rep(), command.effectiveFrom()).orElseThrow();
    if (from.equals(command.teamId())) {
      throw Rejected.conflict(
          "Rep "
              + command.rep()
              + " is already in team "
              + from
              + " on "
              + command.effectiveFrom());
    }
    apply(
        new RepMoved(
            command.rep(), from, command.teamId(), command.effectiveFrom(), command.reason()));
    return result();
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public CommandResult handle(
      MoveTeam command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      AccessPolicy policy) {
    requireAdmin(policy, user, roles);
    LocalDate formed = requireExistingTeam(command.teamId());
    requireNotBefore(formed, command.effectiveFrom(), "team " + command.teamId() + " was formed");
    requireRegionOn(command.regionId(), command.effectiveFrom());
    String from = timeline.regionOf(command.teamId(), command.effectiveFrom()).orElseThrow();
    if (from.equals(command.regionId())) {
      throw Rejected.conflict(
          "Team "
              + command.teamId()
              + " is already in region "
              + from
              + " on "
              + command.effectiveFrom());
    }
    apply(
        new TeamMoved(
            command.teamId(), from, command.regionId(), command.effectiveFrom(), command.reason()));
    return result();
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public CommandResult handle(
      ChangeTeamManagers command,
      @MetaDataValue(LedgerMetaData.USER) String user,
      @MetaDataValue(LedgerMetaData.ROLES) String roles,
      AccessPolicy policy) {
    requireAdmin(policy, user, roles);
    LocalDate formed = requireExistingTeam(command.teamId());
    requireNotBefore(formed, command.effectiveFrom(), "team " + command.teamId() + " was formed");
    List<String> from = sorted(timeline.managersOf(command.teamId(), command.effectiveFrom()));
    List<String> to = sorted(command.managers());
    if (from.equals(to)) {
      throw Rejected.conflict(
          "Team " + command.teamId() + " already has these managers on " + command.effectiveFrom());
    }
    apply(
        new TeamManagersChanged(
            command.teamId(), from, to, command.effectiveFrom(), command.reason()));
    return result();
  }

  private void requireAdmin(AccessPolicy policy, String user, String roles) {
    Access.requirePermission(policy, Caller.of(user, roles), Permission.MANAGE_ORGANISATION);
  }

  private void requireRegionOn(String regionId, LocalDate on) {
    Optional<LocalDate> from = timeline.regionFrom(regionId);
    if (from.isEmpty()) {
      throw Rejected.rule("regionId", "names no region of the organisation: " + regionId);
    }
    if (from.get().isAfter(on)) {
      throw Rejected.rule(
          "regionId", "region " + regionId + " exists only from " + from.get() + ", not on " + on);
    }
  }

  private void requireTeamOn(String teamId, LocalDate on) {
    Optional<LocalDate> from = timeline.teamFrom(teamId);
    if (from.isEmpty()) {
      throw Rejected.rule("teamId", "names no team of the organisation: " + teamId);
    }
    if (from.get().isAfter(on)) {
      throw Rejected.rule(
          "teamId", "team " + teamId + " exists only from " + from.get() + ", not on " + on);
    }
  }

  /** The team named in the path: unknown answers 404, like any unknown id. */
  private LocalDate requireExistingTeam(String teamId) {
    return timeline
        .teamFrom(teamId)
        .orElseThrow(() -> Rejected.notFound("No team " + teamId + "."));
  }

  private static void requireNotBefore(LocalDate since, LocalDate effectiveFrom, String what) {
    if (effectiveFrom.isBefore(since)) {
      throw Rejected.rule("effectiveFrom", "must not be before " + since + ", the day " + what);
    }
  }

  private static List<String> sorted(java.util.Collection<String> names) {
    return List.copyOf(new TreeSet<>(names));
  }

  private CommandResult result() {
    return new CommandResult(OrganisationIds.ORGANISATION, AggregateLifecycle.getVersion());
  }

  @EventSourcingHandler
  void on(OrganisationEvents event) {
    organisationId = OrganisationIds.ORGANISATION;
    timeline.apply(event);
  }

  /** For tests: the organisation as this aggregate knows it. */
  OrganisationChart chart() {
    return timeline;
  }
}
