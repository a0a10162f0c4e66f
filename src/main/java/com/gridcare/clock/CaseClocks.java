package com.gridcare.clock;


import com.gridcare.rules.runtime.DecisionService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The state machine of the SLA clocks of cases: started from the SLA catalogue, WARNED and BREACHED when the engine's
 * timers fire, MET when the work is done, paused while waiting for the customer. A clock's warning
 * and due date are the only truth: the process's timers and task due dates read them through
 * {@code ${slaClocks.dueAt(execution, 'CLOCK')}} / {@code warnAt}, and move with them when a clock
 * resumes after a pause ({@link ClockTimers}). Every change of state is kept. What a clock shows is
 * {@link ClockStatuses}; what a piece of work is for the catalogue, the case kind says ({@link SlaFacts}).
 */
@Service
public class CaseClocks {

    /** A case's clock as the case status API and forms show it. */
    public record CaseClockStatus(SlaClock clock, String label, ClockState state, String target, String calendar,
            OffsetDateTime startedAt, OffsetDateTime warnAt, OffsetDateTime dueAt, Duration pausedWorkingTime,
            OffsetDateTime stateChangedAt, OffsetDateTime completedAt, String timeLeft) {
    }

    /** One change of a clock's state, with the due date from then on. */
    public record StateChange(ClockState state, OffsetDateTime changedAt, OffsetDateTime dueAt, String note) {
    }

    private static final Logger log = LoggerFactory.getLogger(CaseClocks.class);

    private final ClockRepository clocks;
    private final ClockService time;
    private final SlaCatalogue catalogue;
    private final ClockStatuses statuses;
    private final ClockTimers timers;
    private final Clock clock;

    CaseClocks(ClockRepository clocks, ClockService time, SlaCatalogue catalogue, ClockStatuses statuses,
            ClockTimers timers, Clock clock) {
        this.clocks = clocks;
        this.time = time;
        this.catalogue = catalogue;
        this.statuses = statuses;
        this.timers = timers;
        this.clock = clock;
    }

    /**
     * Starts the clocks the SLA catalogue gives {@code facts} (all of them, or only {@code only}) at
     * {@code startedAt}. The case kind describes its work ({@code cases.CaseSlaFacts}); a clock that starts
     * later (outage restoration starts on arrival) is started by name. A retry starts nothing twice.
     */
    @Transactional
    public List<CaseClockStatus> start(String caseId, String customerId, SlaFacts facts, Instant startedAt,
            Collection<SlaClock> only) {
        var decision = catalogue.decide(facts, DecisionService.Subject.caseOf(caseId, customerId));
        var now = now();
        for (var target : decision.output().targets()) {
            if (only != null && !only.contains(target.clock())) continue;
            var warnAt = target.warnAfter() == null ? null : time.add(target.calendar(), startedAt, target.warnAfter());
            var dueAt = time.add(target.calendar(), startedAt, target.workingTime());
            var record = new ClockRepository.ClockRecord(UUID.randomUUID().toString(), caseId, target.clock(),
                    target.calendar(), target.amount(), target.unit(), target.workingTime().toMillis(),
                    target.warnAfter() == null ? null : target.warnAfter().toMillis(), target.pausable(),
                    shown(startedAt), warnAt == null ? null : shown(warnAt), shown(dueAt), 0, null, ClockState.RUNNING,
                    null, now, null, target.row(), target.source(), decision.id());
            if (clocks.insert(record, "started: " + target.describe() + " (" + target.row() + ")")) {
                log.info("case {}: clock {} started, {} due {}", caseId, target.clock(), target.describe(),
                        record.dueAt());
            }
        }
        return ofCase(caseId);
    }

    /** The warning time was reached (the warning timer fired): RUNNING → WARNED. */
    @Transactional
    public void warned(String caseId, SlaClock slaClock) {
        var c = locked(caseId, slaClock);
        if (c.state() == ClockState.RUNNING) {
            clocks.changeState(c, ClockState.WARNED, now(), null, "warning time reached");
        }
    }

    /** The due date passed with the work not done (the breach timer fired): RUNNING or WARNED → BREACHED. */
    @Transactional
    public void breached(String caseId, SlaClock slaClock) {
        var c = locked(caseId, slaClock);
        if (c.state() == ClockState.RUNNING || c.state() == ClockState.WARNED) {
            clocks.changeState(c, ClockState.BREACHED, now(), null, "due date passed");
        }
    }

    /** The work is done: MET when in time, BREACHED when late (even if the breach timer has not fired yet). */
    @Transactional
    public void met(String caseId, SlaClock slaClock, String processInstanceId) {
        var c = locked(caseId, slaClock);
        var now = now();
        if (c.state() == ClockState.PAUSED) {
            resume(c, now, processInstanceId, "resumed: work done");
            c = locked(caseId, slaClock);
        }
        if (c.state() == ClockState.RUNNING || c.state() == ClockState.WARNED) {
            boolean inTime = !now.isAfter(c.dueAt());
            clocks.changeState(c, inTime ? ClockState.MET : ClockState.BREACHED, now, now,
                    inTime ? "work done in time" : "work done after the due date");
        } else if (c.state() == ClockState.BREACHED && c.completedAt() == null) {
            clocks.complete(c, now, "work done after the due date");
        }
    }

    /**
     * The case ended without the work being done (the customer withdrew): its open clocks stop, neither
     * met nor breached, and no longer count down. Their timers end with the process instance.
     */
    @Transactional
    public void stopOpen(String caseId, String reason) {
        var now = now();
        for (var c : clocks.ofCase(caseId)) {
            var current = locked(caseId, c.clock());
            if (!current.state().isOpen()) continue;
            clocks.changeState(current, ClockState.STOPPED, now, now, "stopped: " + reason);
            log.info("case {}: clock {} stopped ({})", caseId, c.clock(), reason);
        }
    }

    /**
     * Pauses clocks (by default every pausable open clock of the case, e.g. while waiting for the
     * customer). Their timers are suspended until they resume.
     */
    @Transactional
    public void pause(String caseId, Collection<SlaClock> which, String reason, String processInstanceId) {
        var now = now();
        for (var c : selected(caseId, which)) {
            var current = locked(caseId, c.clock());
            if (current.state() != ClockState.RUNNING && current.state() != ClockState.WARNED) continue;
            clocks.pause(current, now, "paused: " + reason);
            timers.suspend(current, processInstanceId);
            log.info("case {}: clock {} paused ({})", caseId, c.clock(), reason);
        }
    }

    /**
     * Resumes paused clocks: their warning and due date move on by the working time they stood still,
     * and so do the timers and task due dates that follow them.
     */
    @Transactional
    public void resume(String caseId, Collection<SlaClock> which, String processInstanceId) {
        var now = now();
        for (var c : selected(caseId, which)) {
            var current = locked(caseId, c.clock());
            if (current.state() == ClockState.PAUSED) resume(current, now, processInstanceId, "resumed");
        }
    }

    private void resume(ClockRepository.ClockRecord c, OffsetDateTime now, String processInstanceId, String note) {
        var paused = time.pausedTime(c.calendarId(), c.pausedAt().toInstant(), now.toInstant());
        long pausedMillis = c.pausedMillis() + paused.toMillis();
        var start = c.startedAt().toInstant();
        var dueAt = shown(time.add(c.calendarId(), start, Duration.ofMillis(c.targetMillis() + pausedMillis)));
        var warnAt = c.warnAfterMillis() == null ? null
                : shown(time.add(c.calendarId(), start, Duration.ofMillis(c.warnAfterMillis() + pausedMillis)));
        clocks.resume(c, now, pausedMillis, warnAt, dueAt, note + " after " + TimeLeft.amount(paused,
                time.calendar(c.calendarId())) + " paused");
        var moved = clocks.find(c.caseId(), c.clock()).orElseThrow();
        timers.moveEngineDates(moved, processInstanceId, true);
        log.info("case {}: clock {} resumed, due {}", c.caseId(), c.clock(), dueAt);
    }

    /**
     * Recounts the warning and due dates of open clocks with the live calendars (after a calendar
     * file was added or changed) and moves their timers and task due dates.
     */
    @Transactional
    public int recount() {
        int moved = 0;
        var now = now();
        for (var c : clocks.open()) {
            var start = c.startedAt().toInstant();
            var dueAt = shown(time.add(c.calendarId(), start, Duration.ofMillis(c.targetMillis() + c.pausedMillis())));
            var warnAt = c.warnAfterMillis() == null ? null
                    : shown(time.add(c.calendarId(), start, Duration.ofMillis(c.warnAfterMillis() + c.pausedMillis())));
            if (dueAt.isEqual(c.dueAt()) && (warnAt == null || warnAt.isEqual(c.warnAt()))) continue;
            var current = locked(c.caseId(), c.clock());
            clocks.moveDates(current, warnAt, dueAt, now, "recounted with the changed calendar " + c.calendarId());
            timers.moveEngineDates(clocks.find(c.caseId(), c.clock()).orElseThrow(), null, false);
            moved++;
        }
        return moved;
    }

    /** The clocks of a case, for the case status API ({@link ClockStatuses#ofCase}). */
    public List<CaseClockStatus> ofCase(String caseId) {
        return statuses.ofCase(caseId);
    }

    /** One clock of a case ({@link ClockStatuses#of}). */
    public Optional<CaseClockStatus> of(String caseId, SlaClock slaClock) {
        return statuses.of(caseId, slaClock);
    }

    /** The changes of a clock's state ({@link ClockStatuses#history}). */
    public List<StateChange> history(String caseId, SlaClock slaClock) {
        return statuses.history(caseId, slaClock);
    }

    /** The due date of a case's clock ({@link ClockStatuses#dueAt}). */
    public Optional<OffsetDateTime> dueAt(String caseId, SlaClock slaClock) {
        return statuses.dueAt(caseId, slaClock);
    }

    private List<ClockRepository.ClockRecord> selected(String caseId, Collection<SlaClock> which) {
        return clocks.ofCase(caseId).stream()
                .filter(c -> which == null || which.isEmpty() ? c.pausable() : which.contains(c.clock()))
                .toList();
    }

    private ClockRepository.ClockRecord locked(String caseId, SlaClock slaClock) {
        return clocks.lock(caseId, slaClock).orElseThrow(() -> new IllegalStateException("case " + caseId
                + " has no clock " + slaClock));
    }

    private OffsetDateTime now() {
        return shown(clock.instant());
    }

    private static OffsetDateTime shown(Instant instant) {
        return ClockStatuses.shown(instant);
    }

    private static OffsetDateTime shown(OffsetDateTime time) {
        return ClockStatuses.shown(time);
    }
}
