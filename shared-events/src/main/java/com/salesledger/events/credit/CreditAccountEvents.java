package com.salesledger.events.credit;

/** Marker for the events of a customer's credit stream ({@link CreditAccountIds}). */
public sealed interface CreditAccountEvents
    permits CreditAccountOpened,
        CreditRatingChanged,
        PaymentTermsChanged,
        CreditAccountHeld,
        CreditAccountHeldAutomatically,
        CreditAccountReleased,
        CreditLimitIncreaseRequested,
        CreditLimitChanged,
        CreditLimitIncreaseRejected,
        CreditCheckPassed,
        CreditCheckFailed,
        HeldDealReleased,
        ReceivableRecorded,
        ReceivableSettled,
        CreditWarningRaised,
        CreditWarningCleared {
  String customerId();
}
