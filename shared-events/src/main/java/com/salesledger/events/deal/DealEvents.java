package com.salesledger.events.deal;

/** Marker for the events of a deal's stream. */
public sealed interface DealEvents
    permits DealOpened,
        DealStageChanged,
        DealReassigned,
        DealWon,
        DealLost,
        DealInvoiced,
        DealPutOnCreditHold,
        DealCreditHoldReleased {
  String dealId();
}
