package com.salesledger.events.deal;

/** Stages of an open deal. Winning and losing are their own commands, not stages. */
public enum DealStage {
  LEAD,
  QUALIFIED,
  PROPOSAL,
  NEGOTIATION
}
