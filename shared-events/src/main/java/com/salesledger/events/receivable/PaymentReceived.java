package com.salesledger.events.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment applied to an invoice; {@code openAfter} is the invoice's open amount afterwards. */
public record PaymentReceived(
    String invoiceId,
    String paymentId,
    BigDecimal amount,
    LocalDate receivedOn,
    BigDecimal openAfter)
    implements InvoiceEvents {}
