package com.salesledger.events.organisation;

import java.time.LocalDate;

/**
 * Marker for the events of the organisation's stream ({@link OrganisationIds#ORGANISATION}). Each
 * is effective from a business date; when it was recorded is the event's timestamp.
 */
public sealed interface OrganisationEvents
    permits RegionEstablished, TeamFormed, RepJoined, RepMoved, TeamMoved, TeamManagersChanged {
  LocalDate effectiveFrom();
}
