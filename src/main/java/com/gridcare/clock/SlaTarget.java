package com.gridcare.clock;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The target of one clock as the SLA catalogue decided it: the winning row, its target as working
 * time of its calendar, and when the warning comes (as working time from the start).
 */
public record SlaTarget(SlaClock clock, String row, BigDecimal amount, TargetUnit unit, String calendar,
        Duration workingTime, Duration warnAfter, boolean pausable, String source, String effectiveFrom) {

    /** "7 working days / 7 个工作日". */
    public String describe() {
        return unit.describe(amount);
    }
}
