package com.salesledger.events.organisation;

/**
 * The organisation is one event stream: every region, team and rep of the ledger, so that a
 * decision about one of them (a team into a region, a rep into a team) sees all the others. (An
 * interface of constants: the contract's packages hold only records, enums and interfaces.)
 */
public interface OrganisationIds {

  /** The aggregate id of the organisation's stream; '/' never appears in a deal or invoice id. */
  String ORGANISATION = "organisation/ledger";
}
