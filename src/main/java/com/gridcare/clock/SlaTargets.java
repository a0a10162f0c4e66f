package com.gridcare.clock;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The SLA catalogue's result: for each clock the target of the row that wins. Rows that match
 * propose their target; a row not in effect on the start date is left out; of several rows for the
 * same clock the shortest target wins (e.g. 4 working hours for a KEY customer over 1 working day),
 * and of equal targets the first row.
 */
public class SlaTargets {

    /** A target as time counted in its calendar (a working day is the calendar's working hours of a day). */
    @FunctionalInterface
    public interface WorkingTime {
        Duration of(BigDecimal amount, TargetUnit unit, String calendar);
    }

    private final transient WorkingTime workingTime;
    private final String calendarVersion;
    private final Map<SlaClock, SlaRow> chosen = new EnumMap<>(SlaClock.class);
    private final List<String> notChosen = new ArrayList<>();

    /** @param calendarVersion the content hash of the calendars the targets are counted in, for the decision log */
    public SlaTargets(WorkingTime workingTime, String calendarVersion) {
        this.workingTime = workingTime;
        this.calendarVersion = calendarVersion;
    }

    /**
     * For the package's examples (rules/sla/examples.xlsx): targets compared with the standard
     * working day of 9 working hours, as the shipped calendars count it.
     */
    public SlaTargets() {
        this((amount, unit, calendar) -> unit.toDuration(amount, null), "examples");
    }

    public String getCalendarVersion() {
        return calendarVersion;
    }

    /** Called by the rules for every matching row (rules/sla/catalogue.drl). */
    public void propose(SlaRow row, LocalDate startDate) {
        row.check();
        if (!row.inEffectOn(startDate)) {
            notChosen.add(row.getRow() + " (not in effect on " + startDate + ")");
            return;
        }
        var current = chosen.get(row.getClock());
        if (current == null || total(row).compareTo(total(current)) < 0) {
            if (current != null) notChosen.add(current.getRow() + " (longer than '" + row.getRow() + "')");
            chosen.put(row.getClock(), row);
        } else {
            notChosen.add(row.getRow() + " (not shorter than '" + current.getRow() + "')");
        }
    }

    public Map<SlaClock, SlaRow> getChosen() {
        return chosen;
    }

    public List<String> getNotChosen() {
        return notChosen;
    }

    /** The decided targets in words the examples compare: "COMPLAINT_FIRST_CONTACT 4 WORKING_HOURS". */
    public List<String> getDecided() {
        return chosen.values().stream()
                .map(row -> row.getClock() + " " + row.getTarget().toPlainString() + " " + row.getUnit()).toList();
    }

    /** The decided targets, in the order of the clocks. */
    public List<SlaTarget> targets() {
        return chosen.values().stream().map(row -> {
            var total = total(row);
            Duration warnAfter = null;
            if (row.getWarnAtPercent() != null) {
                warnAfter = Duration.ofMillis(row.getWarnAtPercent().multiply(BigDecimal.valueOf(total.toMillis()))
                        .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact());
            } else if (row.getWarnBefore() != null) {
                warnAfter = total.minus(workingTime.of(row.getWarnBefore(), row.getUnit(), row.getCalendar()));
            }
            return new SlaTarget(row.getClock(), row.getRow(), row.getTarget(), row.getUnit(), row.getCalendar(), total,
                    warnAfter, row.isPausable(), row.getSource(), row.getEffectiveFrom());
        }).toList();
    }

    /** "COMPLAINT_FIRST_CONTACT 4 working hours by 'row'; …" for the decision log. */
    public String explain() {
        var sb = new StringBuilder();
        chosen.values().forEach(row -> sb.append(sb.isEmpty() ? "" : "; ").append(row.getClock()).append(' ')
                .append(row.getUnit().describe(row.getTarget())).append(" by '").append(row.getRow()).append('\''));
        return sb.isEmpty() ? "no SLA clock" : sb.toString();
    }

    private Duration total(SlaRow row) {
        return workingTime.of(row.getTarget(), row.getUnit(), row.getCalendar());
    }
}
