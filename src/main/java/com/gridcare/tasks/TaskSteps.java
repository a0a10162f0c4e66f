package com.gridcare.tasks;

import com.gridcare.cases.CaseRecords;
import com.gridcare.cases.CaseStage;
import com.gridcare.cases.CaseStepContext;
import com.gridcare.cases.ProcessSteps;
import com.gridcare.kernel.process.ProcessVariables;
import com.gridcare.cases.StepKind;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;
import org.springframework.stereotype.Component;

/**
 * What happens on the case record when a user task is created, assigned, completed or cancelled
 * ({@link TaskRecorder} attaches it to every user task). A completion writes the task's outcome as a
 * step of the task's kind, by the user completing it, for the task's group, in the completion's
 * transaction; the values the form submitted then live on only until the process next waits
 * (gateways right after the task read them as variables), never as stored process variables. Tasks
 * of processes that work on neither a case nor a customer are none of the record's business.
 */
@Component
class TaskSteps {

    private final ProcessSteps steps;
    private final TaskForms forms;

    TaskSteps(ProcessSteps steps, TaskForms forms) {
        this.steps = steps;
        this.forms = forms;
    }

    void on(DelegateTask task, CaseStage stage, StepKind kind) {
        var step = steps.of(task);
        if (!step.isRecorded()) return;
        switch (task.getEventName()) {
            case TaskListener.EVENTNAME_CREATE -> {
                if (isCurrentWork(step, stage)) {
                    step.records().taskCreated(step.caseId(), stage, step.taskGroup(), task.getAssignee());
                }
                var details = new LinkedHashMap<String, Object>();
                details.put("assignee", task.getAssignee());
                if (task.getDueDate() != null) {
                    details.put("dueAt", OffsetDateTime.ofInstant(task.getDueDate().toInstant(), ZoneOffset.UTC)
                            .toString());
                }
                details.put("priority", task.getPriority());
                step.record(StepKind.TASK_CREATED, CaseRecords.SYSTEM, step.taskGroup(), details);
            }
            case TaskListener.EVENTNAME_ASSIGNMENT -> {
                if (isCurrentWork(step, stage)) step.records().taskAssigned(step.caseId(), task.getAssignee());
                var details = new LinkedHashMap<String, Object>();
                details.put("assignee", task.getAssignee());
                step.recordTask(StepKind.TASK_ASSIGNED, details);
            }
            case TaskListener.EVENTNAME_COMPLETE -> {
                var submitted = submittedFields(task, kind);
                var outcome = new LinkedHashMap<String, Object>();
                for (var name : kind == StepKind.TASK_COMPLETED ? editableFields(task) : kind.fields()) {
                    var value = task.getVariable(name);
                    if (value != null) outcome.put(name, value);
                }
                step.recordTask(kind, outcome);
                if (isCurrentWork(step, stage)) step.records().taskDone(step.caseId());
                keepOnlyUntilTheProcessWaits(task, submitted);
            }
            case TaskListener.EVENTNAME_DELETE -> {
                if (isCurrentWork(step, stage)) step.records().taskDone(step.caseId());
                step.record(StepKind.TASK_CANCELLED, CaseRecords.SYSTEM, step.taskGroup(), Map.of());
            }
            default -> { }
        }
    }

    /**
     * The kind of step an open task's completion writes ({@link StepKind#TASK_COMPLETED} for a task of a
     * model parsed without {@link TaskRecorder}). Called inside an engine command.
     */
    static StepKind kindOf(String taskId) {
        var task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
        var execution = task == null ? null : task.getExecution();
        var activity = execution == null ? null : execution.getActivity();
        return activity != null && activity.getProperty(TaskRecorder.KIND) instanceof StepKind kind
                ? kind : StepKind.TASK_COMPLETED;
    }

    /**
     * Whether the task is where the case is: a task with a stage moves the case to it and is the case's
     * current work (its group and assignee); a task beside it (an escalation's review, a survey call) is not.
     */
    private static boolean isCurrentWork(CaseStepContext step, CaseStage stage) {
        return stage != null && step.hasCase();
    }

    /** An element with a stage started (e.g. waiting for the customer's documents). */
    void enter(DelegateExecution execution, CaseStage stage) {
        var step = steps.of(execution);
        if (step.hasCase()) step.records().enterStage(step.caseId(), stage);
    }

    /** Every field the task's form can submit, read-only ones too (Tasklist sends those back as they were shown). */
    private Set<String> submittedFields(DelegateTask task, StepKind kind) {
        var form = forms.of((org.camunda.bpm.engine.task.Task) task);
        var names = new LinkedHashSet<>(kind.fields());
        if (form != null) names.addAll(form.fields().keySet());
        return names;
    }

    private Set<String> editableFields(DelegateTask task) {
        var form = forms.of((org.camunda.bpm.engine.task.Task) task);
        var names = new LinkedHashSet<String>();
        if (form != null) form.fields().values().stream().filter(f -> !f.readOnly()).forEach(f -> names.add(f.key()));
        return names;
    }

    /**
     * The submitted values stay readable for the rest of the completion's transaction (the gateways and
     * steps up to the process's next wait state read them as before) and are dropped before the engine
     * writes: a variable created and removed in one command costs no SQL and is never stored. Variables
     * the processes keep ({@link ProcessVariables#KEPT}) stay as they are.
     */
    private static void keepOnlyUntilTheProcessWaits(DelegateTask task, Set<String> submitted) {
        if (task.getExecution() == null) return;
        var instance = task.getExecution().getProcessInstance();
        var dropped = submitted.stream().filter(name -> !ProcessVariables.KEPT.contains(name)).toList();
        Context.getCommandContext().registerCommandContextListener(new CommandContextListener() {
            @Override
            public void onCommandContextClose(CommandContext commandContext) {
                for (var name : dropped) {
                    if (instance.hasVariableLocal(name)) instance.removeVariableLocal(name);
                }
            }

            @Override
            public void onCommandFailed(CommandContext commandContext, Throwable t) {
                // the transaction rolls back: nothing was stored
            }
        });
    }
}
