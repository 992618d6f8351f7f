package com.salesledger.query.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A current early warning and the figures it was raised on. */
public record CreditWarningView(
    String customerId,
    Instant raisedAt,
    LocalDate evaluatedOn,
    List<String> reasons,
    BigDecimal exposure,
    BigDecimal limit,
    String oldestOverdueInvoiceId,
    Long oldestDaysOverdue,
    boolean pastHardThreshold,
    long position) {}
