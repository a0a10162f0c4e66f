package com.gridcare.cases;

import com.gridcare.clock.CaseClocks;
import com.gridcare.notification.NotificationOutbox;
import com.gridcare.notification.NotificationTemplate;

import java.util.Map;
import com.gridcare.api.ConflictException;
import com.gridcare.api.NotFoundException;
import java.util.HashMap;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer withdraws a case: the request is recorded on the case and the {@value
 * CaseMessages#CASE_WITHDRAWN} message correlated to its process instance (business key = case id),
 * in one transaction. The process closes the case as WITHDRAWN (see {@code ${closeWithdrawnCase}}).
 */
@Service
public class CaseWithdrawal {

    /** What the API answers: WITHDRAWN, or WITHDRAWAL_REQUESTED while the process has yet to close the case. */
    public record Receipt(String caseId, String status) {}

    private final CaseRepository cases;
    private final CaseRecords records;
    private final CaseSteps steps;
    private final RuntimeService runtime;
    private final CaseClocks clocks;
    private final NotificationOutbox outbox;

    CaseWithdrawal(CaseRepository cases, CaseRecords records, CaseSteps steps, RuntimeService runtime,
            CaseClocks clocks, NotificationOutbox outbox) {
        this.cases = cases;
        this.records = records;
        this.steps = steps;
        this.runtime = runtime;
        this.clocks = clocks;
        this.outbox = outbox;
    }

    /**
     * The process closes a case the customer asked to withdraw: the case is WITHDRAWN (unless it closed
     * first), its open clocks stop, and the customer is told once.
     */
    public void closeWithdrawn(String caseId) {
        records.withdraw(caseId);
        clocks.stopOpen(caseId, "the customer withdrew");
        if (cases.find(caseId).map(ServiceCase::status).orElse(null) == CaseStatus.WITHDRAWN) {
            outbox.enqueue(caseId, NotificationTemplate.WITHDRAWAL_CONFIRMED, "1", Map.of());
        }
    }

    /**
     * @throws NotFoundException unknown case
     * @throws ConflictException closed, withdrawn, being withdrawn, or the process cannot take the withdrawal
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Receipt request(String caseId, String reason, String by) {
        // the row lock makes a second, concurrent withdrawal wait and then see the first
        var serviceCase = cases.lock(caseId).orElseThrow(() -> new NotFoundException("caseId: no case " + caseId));
        if (!serviceCase.isOpen()) {
            throw new ConflictException("Case " + caseId + " is already " + serviceCase.status().name().toLowerCase()
                    + "; it can no longer be withdrawn");
        }
        if (serviceCase.withdrawalRequested() || !records.requestWithdrawal(caseId, reason, by)) {
            throw new ConflictException("Case " + caseId + " is already being withdrawn");
        }
        var reasonOf = new HashMap<String, Object>();
        reasonOf.put("reason", reason);
        steps.append(new CaseStep.New(caseId, serviceCase.customerId(), serviceCase.processInstanceId(),
                StepKind.WITHDRAWAL_REQUESTED, "withdrawal", "Customer asks to withdraw", null, by, null, reasonOf));
        var waiting = runtime.createExecutionQuery().processInstanceBusinessKey(caseId)
                .messageEventSubscriptionName(CaseMessages.CASE_WITHDRAWN).count();
        if (waiting == 0) {
            throw new ConflictException("Case " + caseId + " cannot be withdrawn at its current step");
        }
        try {
            runtime.createMessageCorrelation(CaseMessages.CASE_WITHDRAWN)
                    .processInstanceBusinessKey(caseId)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new ConflictException("Case " + caseId + " cannot be withdrawn at its current step");
        }
        var after = cases.find(caseId).orElseThrow();
        return new Receipt(caseId, after.status() == CaseStatus.WITHDRAWN ? "WITHDRAWN" : "WITHDRAWAL_REQUESTED");
    }
}
