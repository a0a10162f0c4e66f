package com.gridcare.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the case record in step with the work: on a user task as a task listener for the events
 * {@code create}, {@code assignment}, {@code complete} and {@code delete} (stage from the task's
 * {@value CaseStage#PROPERTY} extension property, group, assignee, history); on an event or any
 * other step as an execution listener ({@code start}) that moves the case to the element's stage.
 */
@Component("recordCaseStage")
class RecordCaseStageListener implements TaskListener, ExecutionListener {

    private final CaseRecords records;

    RecordCaseStageListener(CaseRecords records) {
        this.records = records;
    }

    @Override
    public void notify(DelegateTask task) {
        var caseId = ProcessCase.caseId(task);
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> records.taskCreated(caseId,
                    BpmnProperties.get(task.getBpmnModelElementInstance(), CaseStage.PROPERTY).map(CaseStage::valueOf)
                            .orElse(null),
                    task.getId(), task.getName(), ProcessCase.group(task), task.getAssignee());
            case EVENTNAME_ASSIGNMENT -> records.taskAssigned(caseId, task.getId(), task.getName(), task.getAssignee(),
                    ProcessCase.actor(task));
            case EVENTNAME_COMPLETE -> records.taskCompleted(caseId, task.getId(), task.getName(),
                    ProcessCase.actor(task));
            case EVENTNAME_DELETE -> records.taskCancelled(caseId, task.getId(), task.getName());
            default -> { }
        }
    }

    @Override
    public void notify(DelegateExecution execution) {
        var stage = CaseStage.valueOf(BpmnProperties.required(execution.getBpmnModelElementInstance(),
                CaseStage.PROPERTY));
        records.enterStage(ProcessCase.caseId(execution), stage);
    }
}
