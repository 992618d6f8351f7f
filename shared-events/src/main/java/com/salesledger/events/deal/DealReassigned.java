package com.salesledger.events.deal;

/** Ownership moved; carries before and after so the audit trail needs no lookup. */
public record DealReassigned(
    String dealId,
    String fromRep,
    String fromTeam,
    String fromRegion,
    String toRep,
    String toTeam,
    String toRegion,
    String reason)
    implements DealEvents {}
