package com.salesledger.events.credit;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The credit account was opened; {@code exposure} is what the customer already owed then. */
public record CreditAccountOpened(
    String customerId,
    CreditRating rating,
    BigDecimal limit,
    String currency,
    int paymentTermsDays,
    LocalDate openedOn,
    BigDecimal exposure)
    implements CreditAccountEvents {}
