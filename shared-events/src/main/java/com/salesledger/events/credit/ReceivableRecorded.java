package com.salesledger.events.credit;

import java.math.BigDecimal;
import java.time.LocalDate;

/** An invoice of the customer was issued: won-not-invoiced became open receivable. */
public record ReceivableRecorded(
    String customerId,
    String invoiceId,
    String dealId,
    BigDecimal amount,
    LocalDate issueDate,
    LocalDate dueDate,
    BigDecimal exposureAfter)
    implements CreditAccountEvents {}
