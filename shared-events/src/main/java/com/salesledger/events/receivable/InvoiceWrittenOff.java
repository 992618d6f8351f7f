package com.salesledger.events.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Bad debt written off; {@code openAfter} is what remains open. */
public record InvoiceWrittenOff(
    String invoiceId,
    BigDecimal amount,
    LocalDate writtenOffOn,
    String reason,
    BigDecimal openAfter)
    implements InvoiceEvents {}
