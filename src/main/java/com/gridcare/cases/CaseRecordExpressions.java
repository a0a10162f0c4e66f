package com.gridcare.cases;

import com.gridcare.security.ExpressionBean;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What process models read from the case record in expressions (bean {@code record}), e.g. a message's
 * input parameter {@code resolution} = {@code ${record.value(execution, 'resolution')}}: the value the
 * latest step with that field recorded.
 */
@ExpressionBean
@Component("record")
public class CaseRecordExpressions {

    private final ProcessSteps steps;

    CaseRecordExpressions(ProcessSteps steps) {
        this.steps = steps;
    }

    /** The field's value in the latest step that has it, "" when no step has. */
    public Object value(VariableScope scope, String field) {
        var step = steps.of(scope);
        return step.steps().latestValue(step.caseId(), field).orElse("");
    }
}
