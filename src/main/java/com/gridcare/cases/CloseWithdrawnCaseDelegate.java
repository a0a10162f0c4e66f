package com.gridcare.cases;

import com.gridcare.notification.NotificationOutbox;
import com.gridcare.notification.NotificationTemplate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Close withdrawn case", after the {@value CaseMessages#CASE_WITHDRAWN} message: closes the case as
 * WITHDRAWN, stops its open clocks, records it in the history and queues the withdrawal confirmation
 * to the customer.
 * Idempotent: run again, it changes nothing and queues nothing more.
 */
@Component("closeWithdrawnCase")
class CloseWithdrawnCaseDelegate implements JavaDelegate {

    private final ProcessSteps steps;
    private final NotificationOutbox outbox;

    CloseWithdrawnCaseDelegate(ProcessSteps steps, NotificationOutbox outbox) {
        this.steps = steps;
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var step = steps.of(execution);
        var caseId = step.caseId();
        step.records().withdraw(caseId);
        step.clocks().stopOpen(caseId, "the customer withdrew");
        if (step.serviceCase().status() == CaseStatus.WITHDRAWN) {
            outbox.enqueue(caseId, NotificationTemplate.WITHDRAWAL_CONFIRMED, "1", Map.of());
        }
    }
}
