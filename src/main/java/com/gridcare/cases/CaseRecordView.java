package com.gridcare.cases;

import com.gridcare.kernel.EngineClock;
import com.gridcare.clock.CaseClocks;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/cases/{caseId}/record}: the case of record for staff, kept after the process
 * ended — the case, its clocks with every change of state, its escalations, the cases it is linked
 * to, its history (stages, messages to the customer, withdrawal, closing; customer-visible or not),
 * and every step of the work with who, group, when and its outcome, in order. Times in Beijing time
 * with offset.
 */
record CaseRecordView(
        CaseSummary serviceCase,
        List<Clock> clocks,
        List<Escalation> escalations,
        List<String> linkedCases,
        List<Event> events,
        List<Step> steps) {

    record CaseSummary(String caseId, CaseKind kind, String customerId, String customerName, Channel channel,
            String category, String tier, String group, Integer priority, CaseStatus status, String stage,
            String outcome, OffsetDateTime opened, OffsetDateTime closed) {}

    record Clock(String clock, String label, String state, String target, OffsetDateTime startedAt,
            OffsetDateTime dueAt, OffsetDateTime completedAt, List<StateChange> states) {}

    record StateChange(String state, OffsetDateTime at, OffsetDateTime dueAt, String note) {}

    record Escalation(int level, EscalationKind kind, OffsetDateTime at, String escalatedTo, String taskId,
            String activityId) {}

    record Event(OffsetDateTime at, CaseEventType type, boolean customerVisible, String stage, String textEn,
            String textZh, String user) {}

    record Step(long id, OffsetDateTime at, StepKind kind, String activityId, String activityName, String taskId,
            String user, String group, String outcome, String rootCause, String justified, BigDecimal amount,
            String note, Map<String, Object> details) {}

    static CaseRecordView of(ServiceCase c, String customerName, List<Clock> clocks, List<CaseEscalation> escalations,
            List<String> linkedCases, List<CaseEvent> events, List<CaseStep> steps) {
        return new CaseRecordView(
                new CaseSummary(c.id(), c.kind(), c.customerId(), customerName, c.channel(), c.category(), c.tier(),
                        c.assignedGroup(), c.priority(), c.status(), c.stage(), c.outcome(), local(c.receivedAt()),
                        local(c.closedAt())),
                clocks,
                escalations.stream().map(e -> new Escalation(e.level(), e.kind(), local(e.escalatedAt()),
                        e.escalatedTo(), e.taskId(), e.activityId())).toList(),
                linkedCases,
                events.stream().map(e -> new Event(local(e.occurredAt()), e.type(), e.customerVisible(), e.stage(),
                        e.textEn(), e.textZh(), e.actor())).toList(),
                steps.stream().map(s -> new Step(s.id(), local(s.occurredAt()), s.kind(), s.activityId(),
                        s.activityName(), s.taskId(), s.actor(), s.actorGroup(), s.outcome(), s.rootCause(),
                        s.justified(), s.amount(), s.note(), s.details())).toList());
    }

    static Clock clock(CaseClocks.CaseClockStatus clock, List<CaseClocks.StateChange> history) {
        return new Clock(clock.clock().name(), clock.label(), clock.state().name(), clock.target(),
                local(clock.startedAt()), local(clock.dueAt()), local(clock.completedAt()),
                history.stream().map(h -> new StateChange(h.state().name(), local(h.changedAt()), local(h.dueAt()),
                        h.note())).toList());
    }

    private static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(EngineClock.ZONE).toOffsetDateTime();
    }
}
