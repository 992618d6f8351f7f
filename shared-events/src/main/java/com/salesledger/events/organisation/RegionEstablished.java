package com.salesledger.events.organisation;

import java.time.LocalDate;

public record RegionEstablished(String regionId, String name, LocalDate effectiveFrom)
    implements OrganisationEvents {}
