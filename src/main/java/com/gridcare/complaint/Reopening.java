package com.gridcare.complaint;

import com.gridcare.cases.CaseEventType;
import com.gridcare.cases.CaseRecords;
import com.gridcare.cases.CaseRepository;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reopening a complaint the customer does not accept as resolved: at most {@value #MAX_REOPENINGS}
 * times (the model's gateway), each time {@value #PRIORITY_RAISE} points more priority, at most 100.
 */
@Service
public class Reopening {

    public static final int MAX_REOPENINGS = 2;
    public static final int PRIORITY_RAISE = 10;

    public record Reopened(int count, int priority) {}

    private final CaseRepository cases;
    private final CaseRecords records;
    private final Clock clock;

    Reopening(CaseRepository cases, CaseRecords records, Clock clock) {
        this.cases = cases;
        this.records = records;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Reopened reopen(String caseId, String group, int reopenedBefore, int priority) {
        var reopened = new Reopened(reopenedBefore + 1, Math.min(100, priority + PRIORITY_RAISE));
        cases.recordRouting(caseId, group, reopened.priority(), OffsetDateTime.now(clock));
        records.record(caseId, CaseEventType.REOPENED, true,
                "You told us the result does not resolve your complaint: we reopened it with a higher priority.",
                "您反馈处理结果未解决问题：我们已重新处理并提高了优先级。", CaseRecords.SYSTEM, null);
        return reopened;
    }
}
