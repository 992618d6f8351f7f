package com.salesledger.events.deal;

import java.math.BigDecimal;
import java.time.LocalDate;

public record DealOpened(
    String dealId,
    String customerId,
    String ownerRep,
    String team,
    String region,
    String productLine,
    BigDecimal amount,
    String currency,
    LocalDate expectedCloseDate,
    LocalDate openedOn,
    DealStage stage)
    implements DealEvents {}
