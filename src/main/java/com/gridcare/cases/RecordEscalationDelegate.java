package com.gridcare.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.springframework.stereotype.Component;

/**
 * Records an escalation on the case. Level and kind come from the element's extension properties
 * {@value #LEVEL} (1, 2, 3…) and {@value #KIND} (an {@link EscalationKind}). As the {@code create}
 * task listener of an escalation task (a review or intervention task) it records that task and
 * its group; as a service task (a reminder without a task of its own) it records who must act:
 * the extension property {@value #TO} if set, else the case's assignee, else its assigned group.
 */
@Component("recordEscalation")
class RecordEscalationDelegate implements JavaDelegate, TaskListener {

    static final String LEVEL = "escalationLevel";
    static final String KIND = "escalationKind";
    static final String TO = "escalatedTo";

    private final CaseRecords records;

    RecordEscalationDelegate(CaseRecords records) {
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var element = execution.getBpmnModelElementInstance();
        var caseId = ProcessCase.caseId(execution);
        var to = BpmnProperties.get(element, TO).orElseGet(() -> {
            var serviceCase = records.get(caseId);
            return serviceCase.assignee() != null ? serviceCase.assignee() : serviceCase.assignedGroup();
        });
        records.escalate(caseId, level(element), kind(element), to, null, execution.getCurrentActivityId());
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_CREATE.equals(task.getEventName())) {
            return;
        }
        var element = task.getBpmnModelElementInstance();
        var to = task.getAssignee() != null ? task.getAssignee() : ProcessCase.group(task);
        records.escalate(ProcessCase.caseId(task), level(element), kind(element), to, task.getId(),
                task.getTaskDefinitionKey());
    }

    private static int level(BaseElement element) {
        var value = BpmnProperties.required(element, LEVEL);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("BPMN element " + element.getId() + ": " + LEVEL + " must be a number, was "
                    + value);
        }
    }

    private static EscalationKind kind(BaseElement element) {
        return EscalationKind.valueOf(BpmnProperties.required(element, KIND));
    }
}
