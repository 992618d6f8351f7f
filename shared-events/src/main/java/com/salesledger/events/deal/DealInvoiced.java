package com.salesledger.events.deal;

import java.math.BigDecimal;

/**
 * Part of a won deal's final amount was claimed by an invoice. Recorded on the deal so that the
 * instalments of one deal can never add up to more than its final amount.
 */
public record DealInvoiced(
    String dealId, String invoiceId, BigDecimal amount, BigDecimal invoicedTotal)
    implements DealEvents {}
