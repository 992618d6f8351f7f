package com.salesledger.events.credit;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment, credit note or write-off reduced an invoice's open amount and the exposure. */
public record ReceivableSettled(
    String customerId,
    String invoiceId,
    SettlementKind kind,
    BigDecimal amount,
    LocalDate settledOn,
    BigDecimal openAfter,
    BigDecimal exposureAfter)
    implements CreditAccountEvents {}
