package com.gridcare.complaint;

import com.gridcare.kernel.process.CaseVariables;

import com.gridcare.cases.CaseEventType;
import com.gridcare.cases.CaseRecords;
import com.gridcare.cases.CaseRepository;
import com.gridcare.cases.CaseStepContext;
import com.gridcare.cases.ProcessSteps;
import com.gridcare.cases.StepKind;
import com.gridcare.security.ExpressionBean;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reopening a complaint the customer does not accept as resolved: at most {@value #MAX_REOPENINGS}
 * times (the model's gateway, {@code ${reopening.count(execution) < 2}}), each time
 * {@value #PRIORITY_RAISE} points more priority, at most 100. How often a complaint was reopened is
 * counted in its record.
 */
@ExpressionBean
@Service("reopening")
public class Reopening {

    public static final int MAX_REOPENINGS = 2;
    public static final int PRIORITY_RAISE = 10;

    public record Reopened(int count, int priority) {}

    private final ProcessSteps steps;
    private final CaseRepository cases;
    private final CaseRecords records;
    private final Clock clock;

    Reopening(ProcessSteps steps, CaseRepository cases, CaseRecords records, Clock clock) {
        this.steps = steps;
        this.cases = cases;
        this.records = records;
        this.clock = clock;
    }

    /** How often the complaint was reopened so far (also the step of the messages of each round). */
    public int count(VariableScope scope) {
        var step = steps.of(scope);
        return step.steps().all(step.caseId(), StepKind.REOPENED).size();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Reopened reopen(CaseStepContext step) {
        var count = step.steps().all(step.caseId(), StepKind.REOPENED).size() + 1;
        var current = step.variable(CaseVariables.PRIORITY) instanceof Number n ? n.intValue() : 0;
        var reopened = new Reopened(count, Math.min(100, current + PRIORITY_RAISE));
        cases.recordRouting(step.caseId(), (String) step.variable(CaseVariables.ASSIGNED_GROUP),
                reopened.priority(), OffsetDateTime.now(clock));
        records.record(step.caseId(), CaseEventType.REOPENED, true,
                "You told us the result does not resolve your complaint: we reopened it with a higher priority.",
                "您反馈处理结果未解决问题：我们已重新处理并提高了优先级。", CaseRecords.SYSTEM, null);
        step.record(StepKind.REOPENED, Map.of("reopenCount", reopened.count(), "priority", reopened.priority()));
        step.keep(CaseVariables.PRIORITY, reopened.priority());
        return reopened;
    }
}
