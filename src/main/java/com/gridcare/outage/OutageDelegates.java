package com.gridcare.outage;

import com.gridcare.cases.CaseEventType;
import com.gridcare.cases.CaseRecords;
import com.gridcare.cases.CaseStep;
import com.gridcare.cases.CaseSteps;
import com.gridcare.cases.StepKind;
import com.gridcare.notification.NotificationOutbox;
import com.gridcare.notification.NotificationTemplate;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The steps of {@code outage} and of a linked {@code service-request}: thin, each calls the outage services. */
@Configuration
class OutageDelegates {

    private final OutageRepository outages;
    private final OutageNotices notices;
    private final OutageCalls calls;
    private final CaseRecords records;
    private final CaseSteps steps;
    private final NotificationOutbox outbox;
    private final RuntimeService runtime;
    private final Clock clock;

    OutageDelegates(OutageRepository outages, OutageNotices notices, OutageCalls calls, CaseRecords records,
            CaseSteps steps, NotificationOutbox outbox, RuntimeService runtime, Clock clock) {
        this.outages = outages;
        this.notices = notices;
        this.calls = calls;
        this.records = records;
        this.steps = steps;
        this.outbox = outbox;
        this.runtime = runtime;
        this.clock = clock;
    }

    private Outage outage(DelegateExecution execution) {
        var id = execution.getProcessBusinessKey();
        return outages.find(id).orElseThrow(() -> new IllegalStateException("no outage " + id));
    }

    /** "Queue outage notices": the notice to every affected customer. */
    @Bean
    JavaDelegate queueOutageNotices() {
        return execution -> notices.notice(outage(execution));
    }

    /** "Queue new estimate": every affected customer hears the latest estimate once. */
    @Bean
    JavaDelegate queueEstimateNotices() {
        return execution -> notices.newEstimate(outage(execution));
    }

    /** "Queue restoration notices": every affected customer not told by their own linked request. */
    @Bean
    JavaDelegate queueRestorationNotices() {
        return execution -> notices.restored(outage(execution));
    }

    /**
     * "Close linked cases": each linked repair request waiting for the outage continues (it closes
     * itself, tells its customer and asks for the survey); each linked complaint gets the restoration
     * on its record and carries on with its own handling.
     */
    @Bean
    JavaDelegate closeLinkedCases() {
        return execution -> {
            var outage = outage(execution);
            for (var link : outages.links(outage.id())) {
                if (link.closedAt() != null) continue;
                if ("SERVICE_REQUEST".equals(link.caseKind())) {
                    var waiting = runtime.createExecutionQuery().processInstanceBusinessKey(link.caseId())
                            .messageEventSubscriptionName(Outages.LINKED_OUTAGE_RESTORED).list();
                    for (var linked : waiting) {
                        runtime.messageEventReceived(Outages.LINKED_OUTAGE_RESTORED, linked.getId());
                    }
                } else {
                    steps.append(new CaseStep.New(link.caseId(), link.customerId(), null, StepKind.SUPPLY_RESTORED,
                            execution.getCurrentActivityId(), "Supply restored (outage " + outage.id() + ")", null,
                            CaseRecords.SYSTEM, null, Map.of("restoredAt", outage.restoredAt().toString())));
                    records.record(link.caseId(), CaseEventType.STAGE_CHANGED, true,
                            "Supply is back: outage %s was restored".formatted(outage.id()),
                            "停电（%s）已恢复供电".formatted(outage.id()), CaseRecords.SYSTEM, null);
                    outages.closeLink(link.caseId(), OffsetDateTime.now(clock));
                }
            }
        };
    }

    /**
     * "Record supply restored" of a linked repair request: the restoration on its record, and the one
     * message that supply is back (which counts as the outage's restoration notice for the customer).
     */
    @Bean
    JavaDelegate recordLinkedRestoration() {
        return execution -> {
            var caseId = execution.getProcessBusinessKey();
            var link = outages.linkOf(caseId).orElseThrow(() -> new IllegalStateException(caseId + " is linked to no outage"));
            var outage = outages.find(link.outageId()).orElseThrow();
            steps.append(new CaseStep.New(caseId, link.customerId(), execution.getProcessInstanceId(),
                    StepKind.SUPPLY_RESTORED, execution.getCurrentActivityId(), execution.getCurrentActivityName(), null,
                    CaseRecords.SYSTEM, null, Map.of("restoredAt", outage.restoredAt().toString())));
            outbox.enqueueForCaseInOutage(caseId, outage.id(), NotificationTemplate.SUPPLY_RESTORED,
                    OutageNotices.RESTORED, Map.of("restoredAt", outage.restoredAt()));
            outages.closeLink(caseId, OffsetDateTime.now(clock));
        };
    }

    /** The call task's own clock: created (group, due), completed (reached, note, MET or BREACHED). */
    @Bean
    TaskListener outageCallListener() {
        return task -> {
            var outageId = task.getExecution().getProcessBusinessKey();
            var customerId = (String) task.getVariable("customerId");
            if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
                calls.created(outageId, customerId, task);
            } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
                calls.completed(outageId, customerId, task);
            }
        };
    }

    /** "Record call overdue": the call's clock breached while the task is still open. */
    @Bean
    JavaDelegate recordOutageCallOverdue() {
        return execution -> calls.overdue(execution.getProcessBusinessKey(), (String) execution.getVariable("customerId"));
    }

    static String assignee(DelegateTask task) {
        return task.getAssignee() == null ? CaseRecords.SYSTEM : task.getAssignee();
    }
}
