package com.salesledger.events.receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record ReceivePayment(
    @TargetAggregateIdentifier String invoiceId,
    String paymentId,
    BigDecimal amount,
    LocalDate receivedOn,
    @TargetAggregateVersion Long expectedVersion) {}
