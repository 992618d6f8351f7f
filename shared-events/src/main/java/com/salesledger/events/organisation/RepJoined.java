package com.salesledger.events.organisation;

import java.time.LocalDate;

/** A rep (a user name) joined a team, from {@code effectiveFrom}. */
public record RepJoined(String rep, String teamId, LocalDate effectiveFrom)
    implements OrganisationEvents {}
