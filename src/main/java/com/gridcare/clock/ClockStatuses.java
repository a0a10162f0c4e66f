package com.gridcare.clock;

import com.gridcare.kernel.EngineClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a case's clocks show: their state with the working time left, due dates, the line on a task form,
 * their history, and the dates the engine's timers and task due dates read.
 */
@Service
public class ClockStatuses {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ClockRepository clocks;
    private final ClockService time;
    private final Clock clock;

    ClockStatuses(ClockRepository clocks, ClockService time, Clock clock) {
        this.clocks = clocks;
        this.time = time;
        this.clock = clock;
    }

    /** The clocks of a case, for the case status API. */
    @Transactional(readOnly = true)
    public List<CaseClocks.CaseClockStatus> ofCase(String caseId) {
        var now = clock.instant();
        return clocks.ofCase(caseId).stream().map(c -> status(c, now)).toList();
    }

    public Optional<CaseClocks.CaseClockStatus> of(String caseId, SlaClock slaClock) {
        return clocks.find(caseId, slaClock).map(c -> status(c, clock.instant()));
    }

    /** The due date of a case's clock, for expressions and answers. */
    public Optional<OffsetDateTime> dueAt(String caseId, SlaClock slaClock) {
        return clocks.find(caseId, slaClock).map(ClockRepository.ClockRecord::dueAt).map(ClockStatuses::shown);
    }

    public List<CaseClocks.StateChange> history(String caseId, SlaClock slaClock) {
        return clocks.find(caseId, slaClock).map(c -> clocks.history(c.id()).stream()
                .map(h -> new CaseClocks.StateChange(h.state(), shown(h.changedAt()), shown(h.dueAt()), h.note())).toList())
                .orElse(List.of());
    }

    /** The warning and due date as the engine wants them (timer expressions, task due dates). */
    Date engineDate(String caseId, SlaClock slaClock, ClockBindings.Point point) {
        var c = clocks.find(caseId, slaClock).orElseThrow(() -> new IllegalStateException("case " + caseId
                + " has no clock " + slaClock + ": start its clocks first (\"Start SLA clocks\")"));
        var at = point == ClockBindings.Point.DUE ? c.dueAt() : c.warnAt();
        if (at == null) {
            throw new IllegalStateException("clock " + slaClock + " of case " + caseId + " has no warning (its SLA "
                    + "catalogue row gives none): remove the warning timer or add a warning to the row");
        }
        return Date.from(at.toInstant());
    }

    /** A line for a task form: "Reply with handling result / 答复处理结果: 1.5 working days left / 剩余 1.5 个工作日 · due / 到期 …". */
    String formLine(String caseId, SlaClock slaClock) {
        return clocks.find(caseId, slaClock).map(c -> {
            var s = status(c, clock.instant());
            var due = " · due / 到期 " + SHOWN.format(s.dueAt());
            return switch (c.state()) {
                case MET -> s.label() + ": met / 已按时完成";
                case STOPPED -> s.label() + ": stopped, case ended / 已停止，工单已结束";
                case PAUSED -> s.label() + ": paused, waiting for the customer / 已暂停，等待客户 · " + s.timeLeft() + due;
                default -> s.label() + ": " + s.timeLeft() + due;
            };
        }).orElse(null);
    }

    private CaseClocks.CaseClockStatus status(ClockRepository.ClockRecord c, Instant now) {
        String left = null;
        if (c.completedAt() == null) {
            var from = c.state() == ClockState.PAUSED ? c.pausedAt().toInstant() : now;
            left = time.timeLeft(c.calendarId(), from, c.dueAt().toInstant());
        }
        return new CaseClocks.CaseClockStatus(c.clock(), c.clock().label(), c.state(), c.targetUnit().describe(c.targetAmount()),
                c.calendarId(), shown(c.startedAt()), c.warnAt() == null ? null : shown(c.warnAt()), shown(c.dueAt()),
                Duration.ofMillis(c.pausedMillis()), shown(c.stateChangedAt()),
                c.completedAt() == null ? null : shown(c.completedAt()), left);
    }

    static OffsetDateTime shown(Instant instant) {
        return OffsetDateTime.ofInstant(instant, EngineClock.ZONE);
    }

    static OffsetDateTime shown(OffsetDateTime time) {
        return time.atZoneSameInstant(EngineClock.ZONE).toOffsetDateTime();
    }
}
