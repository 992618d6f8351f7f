package com.salesledger.events.organisation;

import java.time.LocalDate;

/** A rep moved to another team from {@code effectiveFrom}; {@code fromTeamId} as of that day. */
public record RepMoved(
    String rep, String fromTeamId, String toTeamId, LocalDate effectiveFrom, String reason)
    implements OrganisationEvents {}
