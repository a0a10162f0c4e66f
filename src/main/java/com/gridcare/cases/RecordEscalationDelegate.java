package com.gridcare.cases;

import com.gridcare.kernel.process.CaseVariables;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.springframework.stereotype.Component;

/**
 * Records an escalation on the case and marks it for the Tasklist filter "Escalated" ("Regulatory
 * risk" too for {@link EscalationKind#REGULATORY_RISK}). Level and kind come from the element's
 * extension properties {@value #LEVEL} (1, 2, 3…) and {@value #KIND} (an {@link EscalationKind}). As
 * the {@code create} task listener of an escalation task (a review, intervention or alarm task) it
 * records that task and its group; as a service task (a reminder without a task of its own) it
 * records who must act: the extension property {@value #TO} if set, else the case's assignee, else its
 * assigned group.
 */
@Component("recordEscalation")
class RecordEscalationDelegate implements JavaDelegate, TaskListener {

    static final String LEVEL = "escalationLevel";
    static final String KIND = "escalationKind";
    static final String TO = "escalatedTo";

    private final ProcessSteps steps;

    RecordEscalationDelegate(ProcessSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var step = steps.of(execution);
        var element = execution.getBpmnModelElementInstance();
        var to = BpmnProperties.get(element, TO).orElseGet(() -> {
            var serviceCase = step.serviceCase();
            return serviceCase.assignee() != null ? serviceCase.assignee() : serviceCase.assignedGroup();
        });
        escalate(step, element, to, null);
    }

    @Override
    public void notify(DelegateTask task) {
        if (!EVENTNAME_CREATE.equals(task.getEventName())) {
            return;
        }
        var step = steps.of(task);
        escalate(step, task.getBpmnModelElementInstance(), task.getAssignee() != null ? task.getAssignee()
                : step.taskGroup(), task.getId());
    }

    private static void escalate(CaseStepContext step, BaseElement element, String to, String taskId) {
        var kind = kind(element);
        step.records().escalate(step.caseId(), level(element), kind, to, taskId, step.activityId());
        step.flag(CaseVariables.ESCALATED);
        if (kind == EscalationKind.REGULATORY_RISK) step.flag(CaseVariables.REGULATORY_RISK);
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
