package com.gridcare.clock;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A row of the SLA catalogue that matched: one clock's target, as the row states it. Filled in by
 * the row's action cells (rules/sla/catalogue.drl.xlsx), one cell per setter.
 */
public class SlaRow {

    private final String row;
    private final SlaClock clock;
    private BigDecimal target;
    private TargetUnit unit;
    private String calendar;
    private BigDecimal warnAtPercent;
    private BigDecimal warnBefore;
    private boolean pausable;
    private String source;
    private String effectiveFrom;
    private String effectiveUntil;

    public SlaRow(String row, SlaClock clock) {
        this.row = row;
        this.clock = clock;
    }

    public void setTarget(double target) { this.target = BigDecimal.valueOf(target).stripTrailingZeros(); }
    public void setUnit(TargetUnit unit) { this.unit = unit; }
    public void setCalendar(String calendar) { this.calendar = calendar.strip(); }
    public void setWarnAtPercent(double percent) { this.warnAtPercent = BigDecimal.valueOf(percent).stripTrailingZeros(); }
    public void setWarnBefore(double amount) { this.warnBefore = BigDecimal.valueOf(amount).stripTrailingZeros(); }
    public void setPausable(boolean pausable) { this.pausable = pausable; }
    public void setSource(String source) { this.source = source.strip(); }
    public void setEffectiveFrom(String date) { this.effectiveFrom = date.strip(); }
    public void setEffectiveUntil(String date) { this.effectiveUntil = date.strip(); }

    public String getRow() { return row; }
    public SlaClock getClock() { return clock; }
    public BigDecimal getTarget() { return target; }
    public TargetUnit getUnit() { return unit; }
    public String getCalendar() { return calendar; }
    public BigDecimal getWarnAtPercent() { return warnAtPercent; }
    public BigDecimal getWarnBefore() { return warnBefore; }
    public boolean isPausable() { return pausable; }
    public String getSource() { return source; }
    public String getEffectiveFrom() { return effectiveFrom; }
    public String getEffectiveUntil() { return effectiveUntil; }

    /** A row the analyst left incomplete or inconsistent: says which row and what is missing. */
    void check() {
        var missing = target == null ? "target" : unit == null ? "unit" : blank(calendar) ? "calendar"
                : blank(source) ? "source" : blank(effectiveFrom) ? "effective-from date" : null;
        if (missing != null) throw new IllegalStateException("SLA catalogue row '" + row + "' has no " + missing);
        if (target.signum() <= 0) throw new IllegalStateException("SLA catalogue row '" + row + "': the target must be more than 0");
        if (warnAtPercent != null && warnBefore != null) {
            throw new IllegalStateException("SLA catalogue row '" + row + "' has both a warning share and a warning "
                    + "before the due date: give one");
        }
        if (warnAtPercent != null && (warnAtPercent.signum() <= 0 || warnAtPercent.compareTo(BigDecimal.valueOf(100)) >= 0)) {
            throw new IllegalStateException("SLA catalogue row '" + row + "': the warning share is a percentage between 0 and 100");
        }
        if (warnBefore != null && (warnBefore.signum() <= 0 || warnBefore.compareTo(target) >= 0)) {
            throw new IllegalStateException("SLA catalogue row '" + row + "': the warning comes after 0 and before the target");
        }
        effectiveFrom();
        effectiveUntil();
    }

    /** In effect on {@code day}: from the effective-from date to the effective-until date, both included. */
    boolean inEffectOn(LocalDate day) {
        var until = effectiveUntil();
        return !day.isBefore(effectiveFrom()) && (until == null || !day.isAfter(until));
    }

    private LocalDate effectiveFrom() {
        return date(effectiveFrom, "effective-from");
    }

    private LocalDate effectiveUntil() {
        return effectiveUntil == null || effectiveUntil.isEmpty() ? null : date(effectiveUntil, "effective-until");
    }

    private static boolean blank(String text) {
        return text == null || text.isEmpty();
    }

    private LocalDate date(String text, String what) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("SLA catalogue row '" + row + "': " + what + " date '" + text
                    + "' is not a date like 2025-01-01 (type it as text)");
        }
    }
}
