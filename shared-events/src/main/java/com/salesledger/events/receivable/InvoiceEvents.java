package com.salesledger.events.receivable;

/** Marker for the events of an invoice's stream. */
public sealed interface InvoiceEvents
    permits InvoiceIssued, PaymentReceived, CreditNoteIssued, InvoiceWrittenOff {
  String invoiceId();
}
