package com.salesledger.events.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;

public record CreditNoteIssued(
    String invoiceId,
    String creditNoteId,
    BigDecimal amount,
    LocalDate issuedOn,
    String reason,
    BigDecimal openAfter)
    implements InvoiceEvents {}
