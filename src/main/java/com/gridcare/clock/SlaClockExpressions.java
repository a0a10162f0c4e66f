package com.gridcare.clock;

import com.gridcare.kernel.process.CaseVariables;

import com.gridcare.security.ExpressionBean;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What process models read from the case clocks in expressions (bean {@code slaClocks}):
 * <ul>
 * <li>a task's due date: {@code camunda:dueDate="${slaClocks.dueAt(execution, 'COMPLAINT_RESOLUTION')}"}</li>
 * <li>a breach timer: {@code <timeDate>${slaClocks.dueAt(execution, 'COMPLAINT_RESOLUTION')}</timeDate>}</li>
 * <li>a warning timer: {@code <timeDate>${slaClocks.warnAt(execution, 'COMPLAINT_RESOLUTION')}</timeDate>}</li>
 * </ul>
 * Timers and tasks written this way move with the clock when it is paused and resumed.
 */
@ExpressionBean
@Component("slaClocks")
public class SlaClockExpressions {

    private final ClockStatuses clocks;

    SlaClockExpressions(ClockStatuses clocks) {
        this.clocks = clocks;
    }

    public Date dueAt(VariableScope scope, String clock) {
        return clocks.engineDate(caseId(scope), ClockBindings.clockNamed(clock, "an expression"), ClockBindings.Point.DUE);
    }

    public Date warnAt(VariableScope scope, String clock) {
        return clocks.engineDate(caseId(scope), ClockBindings.clockNamed(clock, "an expression"),
                ClockBindings.Point.WARNING);
    }

    static String caseId(VariableScope scope) {
        var caseId = scope.getVariable(CaseVariables.CASE_ID);
        if (!(caseId instanceof String id) || id.isBlank()) {
            throw new IllegalStateException("SLA clocks need the process variable '" + CaseVariables.CASE_ID + "'");
        }
        return id;
    }
}
