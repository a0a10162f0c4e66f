package com.gridcare.cases;

import com.gridcare.kernel.EngineClock;
import com.gridcare.clock.CaseClocks;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * {@code GET /api/v1/cases/{caseId}}: a case as the customer may see it. No staff names, groups,
 * priorities or escalations; times in Beijing time with offset.
 */
record CaseStatusView(
        String caseId,
        CaseKind kind,
        String category,
        Channel channel,
        CaseStatus status,
        Words stage,
        OffsetDateTime receivedAt,
        OffsetDateTime withdrawalRequestedAt,
        OffsetDateTime closedAt,
        Words outcome,
        List<DueDate> dueDates,
        List<Step> history) {

    /** A code with its words for the customer. */
    record Words(String code, String en, String zh) {}

    /** A promise to the customer: what, when due, and where it stands. */
    record DueDate(String clock, String en, String zh, OffsetDateTime dueAt, String state, String timeLeft) {}

    record Step(OffsetDateTime at, CaseEventType type, String en, String zh) {}

    static CaseStatusView of(ServiceCase c, List<CaseClocks.CaseClockStatus> clocks, List<CaseEvent> events) {
        var stage = CaseStage.of(c.stage());
        Words outcome = null;
        if (c.outcome() != null) {
            outcome = Arrays.stream(CaseOutcome.values()).filter(o -> o.name().equals(c.outcome()))
                    .findFirst().map(o -> new Words(o.name(), o.en(), o.zh()))
                    .orElse(new Words(c.outcome(), null, null));
        }
        return new CaseStatusView(c.id(), c.kind(), c.category(), c.channel(), c.status(),
                new Words(stage.name(), stage.en(), stage.zh()), local(c.receivedAt()),
                local(c.withdrawalRequestedAt()), local(c.closedAt()), outcome,
                clocks.stream().map(CaseStatusView::dueDate).toList(),
                events.stream().map(e -> new Step(local(e.occurredAt()), e.type(), e.textEn(), e.textZh())).toList());
    }

    private static DueDate dueDate(CaseClocks.CaseClockStatus clock) {
        var label = clock.label().split(" / ", 2);
        return new DueDate(clock.clock().name(), label[0], label.length > 1 ? label[1] : label[0],
                local(clock.dueAt()), clock.state().name(), clock.timeLeft());
    }

    private static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(EngineClock.ZONE).toOffsetDateTime();
    }
}
