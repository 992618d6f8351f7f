package com.salesledger.query.organisation;

import com.salesledger.events.organisation.RegionEstablished;
import com.salesledger.events.organisation.RepJoined;
import com.salesledger.events.organisation.RepMoved;
import com.salesledger.events.organisation.TeamFormed;
import com.salesledger.events.organisation.TeamManagersChanged;
import com.salesledger.events.organisation.TeamMoved;
import com.salesledger.query.common.Freshness;
import com.salesledger.query.common.Positions;
import com.salesledger.query.common.projection.RebuildableProjection;
import com.salesledger.query.common.projection.Tables;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The organisation's events as bitemporal facts ({@code organisation_fact}): never updated, only
 * added, so any past state (effective on a date, as known at an instant) can be read back. A
 * replayed event writes the same key again and is ignored.
 */
@Component
@ProcessingGroup(OrganisationProjection.PROCESSOR)
class OrganisationProjection implements RebuildableProjection {

  static final String PROCESSOR = Freshness.ORGANISATION_PROCESSOR;

  private final JdbcTemplate jdbc;
  private final String insert;

  @Autowired
  OrganisationProjection(JdbcTemplate jdbc) {
    this(jdbc, Tables.LIVE);
  }

  OrganisationProjection(JdbcTemplate jdbc, Tables tables) {
    this.jdbc = jdbc;
    this.insert =
        "insert into "
            + tables.of("organisation_fact")
            + " (position, kind, subject, value, effective_from, recorded_at)"
            + " values (?,?,?,?,?,?) on conflict do nothing";
  }

  @Override
  public String processor() {
    return PROCESSOR;
  }

  @Override
  public List<String> tables() {
    return List.of("organisation_fact");
  }

  @Override
  public Object writingInto(Tables tables) {
    return new OrganisationProjection(jdbc, tables);
  }

  @EventHandler
  void on(RegionEstablished e, TrackingToken token, @Timestamp Instant at) {
    fact(token, "REGION", e.regionId(), e.name(), e.effectiveFrom(), at);
  }

  @EventHandler
  void on(TeamFormed e, TrackingToken token, @Timestamp Instant at) {
    fact(token, "TEAM", e.teamId(), e.name(), e.effectiveFrom(), at);
    fact(token, "TEAM_REGION", e.teamId(), e.regionId(), e.effectiveFrom(), at);
    fact(token, "TEAM_MANAGERS", e.teamId(), String.join(",", e.managers()), e.effectiveFrom(), at);
  }

  @EventHandler
  void on(RepJoined e, TrackingToken token, @Timestamp Instant at) {
    fact(token, "REP_TEAM", e.rep(), e.teamId(), e.effectiveFrom(), at);
  }

  @EventHandler
  void on(RepMoved e, TrackingToken token, @Timestamp Instant at) {
    fact(token, "REP_TEAM", e.rep(), e.toTeamId(), e.effectiveFrom(), at);
  }

  @EventHandler
  void on(TeamMoved e, TrackingToken token, @Timestamp Instant at) {
    fact(token, "TEAM_REGION", e.teamId(), e.toRegionId(), e.effectiveFrom(), at);
  }

  @EventHandler
  void on(TeamManagersChanged e, TrackingToken token, @Timestamp Instant at) {
    fact(
        token,
        "TEAM_MANAGERS",
        e.teamId(),
        String.join(",", e.toManagers()),
        e.effectiveFrom(),
        at);
  }

  private void fact(
      TrackingToken token,
      String kind,
      String subject,
      String value,
      LocalDate effectiveFrom,
      Instant at) {
    jdbc.update(
        insert,
        Positions.of(token),
        kind,
        subject,
        value,
        Date.valueOf(effectiveFrom),
        java.sql.Timestamp.from(at));
  }
}
