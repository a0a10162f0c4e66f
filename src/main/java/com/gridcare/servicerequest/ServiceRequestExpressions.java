package com.gridcare.servicerequest;

import com.gridcare.cases.ProcessSteps;
import com.gridcare.cases.StepKind;
import com.gridcare.clock.SlaClock;
import com.gridcare.security.ExpressionBean;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What {@code service-request}'s messages and gateways read about the request (bean
 * {@code serviceRequest}), from the request, its clocks and its record rather than from process
 * variables: e.g. {@code ${serviceRequest.dueAt(execution)}} as an input parameter of a message.
 */
@ExpressionBean
@Component("serviceRequest")
public class ServiceRequestExpressions {

    static final String AS_SOON_AS_POSSIBLE = "as soon as possible / 尽快";

    private final ProcessSteps steps;
    private final ServiceRequests requests;

    ServiceRequestExpressions(ProcessSteps steps, ServiceRequests requests) {
        this.steps = steps;
        this.requests = requests;
    }

    /** Whether GridCare opened the request itself (a meter test after a consumption jump). */
    public boolean proactive(VariableScope scope) {
        return ServiceRequestDelegates.request(requests, steps.of(scope)).proactive();
    }

    /** The month whose consumption jumped (proactive meter tests), else "". */
    public String month(VariableScope scope) {
        var month = ServiceRequestDelegates.request(requests, steps.of(scope)).details().values().get(RequestDetails.MONTH);
        return month == null ? "" : month.toString();
    }

    /** The due date the customer is told: the type's main clock. */
    public OffsetDateTime dueAt(VariableScope scope) {
        var step = steps.of(scope);
        var type = ServiceRequestDelegates.request(requests, step).details().type();
        return step.clocks().dueAt(step.caseId(), ServiceRequestIntake.mainClock(type)).orElse(null);
    }

    /** When supply must be back: the restoration clock's due date, or "as soon as possible" where the catalogue has none. */
    public Object restoreBy(VariableScope scope) {
        var step = steps.of(scope);
        return step.clocks().dueAt(step.caseId(), SlaClock.OUTAGE_RESTORATION).map(Object.class::cast)
                .orElse(AS_SOON_AS_POSSIBLE);
    }

    /** How often documents were asked for: the step of the request and reminder messages. */
    public int documentRound(VariableScope scope) {
        var step = steps.of(scope);
        return step.steps().all(step.caseId(), StepKind.DOCUMENTS_MISSING).size();
    }

    /** The documents asked for last, in words. */
    public String missingDocuments(VariableScope scope) {
        return steps.of(scope).latest(StepKind.DOCUMENTS_MISSING).map(s -> s.text("documents")).orElse("");
    }

    /** When the documents asked for last must be in. */
    public String answerBy(VariableScope scope) {
        return steps.of(scope).latest(StepKind.DOCUMENTS_MISSING).map(s -> s.text("answerBy")).orElse("");
    }
}
