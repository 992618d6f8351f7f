package com.salesledger.events.organisation;

import java.time.LocalDate;

/** A team moved to another region from {@code effectiveFrom}; {@code fromRegionId} as of then. */
public record TeamMoved(
    String teamId, String fromRegionId, String toRegionId, LocalDate effectiveFrom, String reason)
    implements OrganisationEvents {}
