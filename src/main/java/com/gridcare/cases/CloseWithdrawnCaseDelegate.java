package com.gridcare.cases;

import com.gridcare.clock.CaseClocks;
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

    private final CaseRecords records;
    private final NotificationOutbox outbox;
    private final CaseClocks clocks;

    CloseWithdrawnCaseDelegate(CaseRecords records, NotificationOutbox outbox, CaseClocks clocks) {
        this.records = records;
        this.outbox = outbox;
        this.clocks = clocks;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var caseId = ProcessCase.caseId(execution);
        records.withdraw(caseId);
        clocks.stopOpen(caseId, "the customer withdrew");
        if (records.get(caseId).status() == CaseStatus.WITHDRAWN) {
            outbox.enqueue(caseId, NotificationTemplate.WITHDRAWAL_CONFIRMED, "1", Map.of());
        }
    }
}
