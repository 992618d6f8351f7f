package com.salesledger.events.deal;

public record DealStageChanged(String dealId, DealStage from, DealStage to) implements DealEvents {}
