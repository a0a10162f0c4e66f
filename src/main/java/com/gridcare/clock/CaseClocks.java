package com.gridcare.clock;

import com.gridcare.EngineClock;
import com.gridcare.cases.CaseKind;
import com.gridcare.cases.CaseRepository;
import com.gridcare.cases.ServiceCase;
import com.gridcare.complaint.ComplaintCategory;
import com.gridcare.customer.Customer;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.customer.Tier;
import com.gridcare.rules.DecisionService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA clocks of cases: started from the SLA catalogue, WARNED and BREACHED when the engine's
 * timers fire, MET when the work is done, paused while waiting for the customer. A clock's warning
 * and due date are the only truth: the process's timers and task due dates read them through
 * {@code ${slaClocks.dueAt(execution, 'CLOCK')}} / {@code warnAt}, and move with them when a clock
 * resumes after a pause. Every change of state is kept.
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
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ClockRepository clocks;
    private final ClockService time;
    private final SlaCatalogue catalogue;
    private final CaseRepository cases;
    private final CustomerRepository customers;
    private final ClockBindings bindings;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;
    private final TimerJobs timers;
    private final Clock clock;

    CaseClocks(ClockRepository clocks, ClockService time, SlaCatalogue catalogue, CaseRepository cases,
            CustomerRepository customers, ClockBindings bindings, RuntimeService runtime, ManagementService management,
            TaskService tasks, TimerJobs timers, Clock clock) {
        this.clocks = clocks;
        this.time = time;
        this.catalogue = catalogue;
        this.cases = cases;
        this.customers = customers;
        this.bindings = bindings;
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
        this.timers = timers;
        this.clock = clock;
    }

    /**
     * Starts the clocks the SLA catalogue gives the case, counted from when the case was received.
     * A retry starts nothing twice.
     */
    @Transactional
    public List<CaseClockStatus> start(String caseId) {
        var serviceCase = cases.find(caseId).orElseThrow(() -> new IllegalArgumentException("no case " + caseId));
        var customer = customers.find(serviceCase.customerId()).orElseThrow();
        return start(serviceCase, customer, factsOf(serviceCase, customer), serviceCase.receivedAt().toInstant(), null);
    }

    /**
     * Starts the clocks the SLA catalogue gives {@code facts} (all of them, or only {@code only}) at
     * {@code startedAt}: for work whose facts the case record does not hold (a connection's supply), or
     * for a clock that starts later (outage restoration starts on arrival).
     */
    @Transactional
    public List<CaseClockStatus> start(String caseId, SlaFacts facts, Instant startedAt, Collection<SlaClock> only) {
        var serviceCase = cases.find(caseId).orElseThrow(() -> new IllegalArgumentException("no case " + caseId));
        return start(serviceCase, customers.find(serviceCase.customerId()).orElseThrow(), facts, startedAt, only);
    }

    private List<CaseClockStatus> start(ServiceCase serviceCase, Customer customer, SlaFacts facts, Instant startedAt,
            Collection<SlaClock> only) {
        var decision = catalogue.decide(facts, DecisionService.Subject.caseOf(serviceCase.id(), customer.id()));
        var now = now();
        for (var target : decision.output().targets()) {
            if (only != null && !only.contains(target.clock())) continue;
            var warnAt = target.warnAfter() == null ? null : time.add(target.calendar(), startedAt, target.warnAfter());
            var dueAt = time.add(target.calendar(), startedAt, target.workingTime());
            var record = new ClockRepository.ClockRecord(UUID.randomUUID().toString(), serviceCase.id(), target.clock(),
                    target.calendar(), target.amount(), target.unit(), target.workingTime().toMillis(),
                    target.warnAfter() == null ? null : target.warnAfter().toMillis(), target.pausable(),
                    shown(startedAt), warnAt == null ? null : shown(warnAt), shown(dueAt), 0, null, ClockState.RUNNING,
                    null, now, null, target.row(), target.source(), decision.id());
            if (clocks.insert(record, "started: " + target.describe() + " (" + target.row() + ")")) {
                log.info("case {}: clock {} started, {} due {}", serviceCase.id(), target.clock(), target.describe(),
                        record.dueAt());
            }
        }
        return ofCase(serviceCase.id());
    }

    /** The SLA catalogue's view of a case, from the case record and the customer. */
    public SlaFacts factsOf(ServiceCase serviceCase, Customer customer) {
        var facts = new SlaFacts();
        if (serviceCase.kind() == CaseKind.COMPLAINT) {
            facts.setWork(SlaWork.COMPLAINT);
            facts.setCategory(ComplaintCategory.valueOf(serviceCase.category()));
        } else {
            try {
                facts.setWork(SlaWork.valueOf(serviceCase.category()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("case " + serviceCase.id() + ": no SLA work for request type '"
                        + serviceCase.category() + "'");
            }
        }
        facts.setTier(serviceCase.tier() != null ? Tier.valueOf(serviceCase.tier()) : customer.tier());
        facts.setImportant(customer.flags().contains("IMPORTANT"));
        facts.setPriorityCare(customer.flags().contains("PRIORITY_CARE"));
        facts.setCustomerClass(customer.customerClass());
        facts.setSupplyVoltageKv(customer.supplyVoltageKv().doubleValue());
        facts.setArea(customer.area());
        facts.setStartDate(LocalDate.ofInstant(serviceCase.receivedAt().toInstant(), EngineClock.ZONE));
        return facts;
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
            forEachTimer(current, processInstanceId, (jobId, point) -> timers.suspend(jobId));
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
        moveEngineDates(moved, processInstanceId, true);
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
            moveEngineDates(clocks.find(c.caseId(), c.clock()).orElseThrow(), null, false);
            moved++;
        }
        return moved;
    }

    /** The clocks of a case, for the case status API. */
    @Transactional(readOnly = true)
    public List<CaseClockStatus> ofCase(String caseId) {
        var now = clock.instant();
        return clocks.ofCase(caseId).stream().map(c -> status(c, now)).toList();
    }

    public Optional<CaseClockStatus> of(String caseId, SlaClock slaClock) {
        return clocks.find(caseId, slaClock).map(c -> status(c, clock.instant()));
    }

    /** The due date of a case's clock, for expressions and answers. */
    public Optional<OffsetDateTime> dueAt(String caseId, SlaClock slaClock) {
        return clocks.find(caseId, slaClock).map(ClockRepository.ClockRecord::dueAt).map(CaseClocks::shown);
    }

    public List<StateChange> history(String caseId, SlaClock slaClock) {
        return clocks.find(caseId, slaClock).map(c -> clocks.history(c.id()).stream()
                .map(h -> new StateChange(h.state(), shown(h.changedAt()), shown(h.dueAt()), h.note())).toList())
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

    private CaseClockStatus status(ClockRepository.ClockRecord c, Instant now) {
        String left = null;
        if (c.completedAt() == null) {
            var from = c.state() == ClockState.PAUSED ? c.pausedAt().toInstant() : now;
            left = time.timeLeft(c.calendarId(), from, c.dueAt().toInstant());
        }
        return new CaseClockStatus(c.clock(), c.clock().label(), c.state(), c.targetUnit().describe(c.targetAmount()),
                c.calendarId(), shown(c.startedAt()), c.warnAt() == null ? null : shown(c.warnAt()), shown(c.dueAt()),
                Duration.ofMillis(c.pausedMillis()), shown(c.stateChangedAt()),
                c.completedAt() == null ? null : shown(c.completedAt()), left);
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

    private interface TimerAction {
        void apply(String jobId, ClockBindings.Point point);
    }

    /** Sets the timers and task due dates that follow the clock to its (moved) warning and due date. */
    private void moveEngineDates(ClockRepository.ClockRecord c, String processInstanceId, boolean activate) {
        forEachTimer(c, processInstanceId, (jobId, point) -> {
            var at = point == ClockBindings.Point.DUE ? c.dueAt() : c.warnAt();
            timers.move(jobId, at == null ? null : Date.from(at.toInstant()), activate);
        });
        var instanceId = processInstanceOf(c.caseId(), processInstanceId);
        if (instanceId == null) return;
        for (var task : tasks.createTaskQuery().processInstanceId(instanceId).active().list()) {
            var bound = bindings.clockOfTask(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
            if (bound.isPresent() && bound.get() == c.clock()) {
                task.setDueDate(Date.from(c.dueAt().toInstant()));
                tasks.saveTask(task);
            }
        }
    }

    private void forEachTimer(ClockRepository.ClockRecord c, String processInstanceId, TimerAction action) {
        var instanceId = processInstanceOf(c.caseId(), processInstanceId);
        if (instanceId == null) return;
        var instance = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
        if (instance == null) return;
        var bound = new ArrayList<>(bindings.of(instance.getProcessDefinitionId(), c.clock()));
        for (var binding : bound) {
            if (!binding.timer()) continue;
            for (var job : management.createJobQuery().processInstanceId(instanceId).activityId(binding.activityId())
                    .timers().list()) {
                action.apply(job.getId(), binding.point());
            }
        }
    }

    private String processInstanceOf(String caseId, String processInstanceId) {
        if (processInstanceId != null) return processInstanceId;
        return cases.find(caseId).map(ServiceCase::processInstanceId).orElse(null);
    }

    private OffsetDateTime now() {
        return shown(clock.instant());
    }

    private static OffsetDateTime shown(Instant instant) {
        return OffsetDateTime.ofInstant(instant, EngineClock.ZONE);
    }

    private static OffsetDateTime shown(OffsetDateTime time) {
        return time.atZoneSameInstant(EngineClock.ZONE).toOffsetDateTime();
    }
}
