package com.salesledger.events.target;

import com.salesledger.events.common.Period;
import java.math.BigDecimal;

/**
 * One child of a decomposition: a lower scope of the same period, or a sub-period of the same scope
 * (in a command, the unchanged one may be null; in an event both are given).
 */
public record TargetChild(TargetScope scope, Period period, BigDecimal amount) {}
