package com.gridcare.notification;

import com.gridcare.kernel.process.CaseReferences;
import static com.gridcare.kernel.process.StepParameters.NOTIFICATION_STEP;
import static com.gridcare.kernel.process.StepParameters.NOTIFICATION_TEMPLATE;

import java.util.HashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Notify customer": queues a message to the customer. For a service task with
 * {@code camunda:asyncBefore="true"} and the input parameters {@code notificationTemplate} (a
 * template name) and, when the step can run more than once in a case, {@code notificationStep}
 * (e.g. {@code ${reopening.count(execution)}}; default: the task's id). The template's other
 * placeholders are read from variables of the same name: input parameters of the task (e.g.
 * {@code replyBy} = {@code ${slaClocks.dueAt(execution, 'COMPLAINT_RESOLUTION')}}, or a value of the
 * case record, {@code ${record.value(execution, 'resolution')}}), else the process's variables. Queued
 * once per (case, template, step), however often the job runs.
 */
@Component("notifyCustomer")
class NotifyCustomerDelegate implements JavaDelegate {

    private final NotificationOutbox outbox;

    NotifyCustomerDelegate(NotificationOutbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var template = execution.getVariableLocal(NOTIFICATION_TEMPLATE);
        if (!(template instanceof String name) || name.isBlank()) {
            throw new IllegalStateException("BPMN element " + execution.getCurrentActivityId()
                    + " needs the input parameter " + NOTIFICATION_TEMPLATE);
        }
        var step = execution.getVariableLocal(NOTIFICATION_STEP);
        var caseId = CaseReferences.requireCaseId(execution, execution.getProcessBusinessKey(),
                execution.getCurrentActivityId());
        var values = new HashMap<String, Object>();
        for (var placeholder : outbox.placeholders(name)) {
            var value = execution.getVariable(placeholder);
            if (value != null) values.put(placeholder, value);
        }
        outbox.enqueue(caseId, name, step == null ? execution.getCurrentActivityId() : step.toString(), values);
    }
}
