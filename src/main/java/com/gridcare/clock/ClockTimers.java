package com.gridcare.clock;

import com.gridcare.kernel.CaseAccess;
import java.util.ArrayList;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Moves the engine's timers and task due dates that follow a clock ({@link ClockBindings}) when the clock's
 * warning or due date moves, and suspends them while it is paused.
 */
@Component
class ClockTimers {

    private final ClockBindings bindings;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final TaskService tasks;
    private final TimerJobs timers;
    private final CaseAccess cases;

    ClockTimers(ClockBindings bindings, RuntimeService runtime, ManagementService management, TaskService tasks,
            TimerJobs timers, CaseAccess cases) {
        this.bindings = bindings;
        this.runtime = runtime;
        this.management = management;
        this.tasks = tasks;
        this.timers = timers;
        this.cases = cases;
    }

    /** Suspends the timers that follow a paused clock. */
    void suspend(ClockRepository.ClockRecord c, String processInstanceId) {
        forEachTimer(c, processInstanceId, (jobId, point) -> timers.suspend(jobId));
    }

    interface TimerAction {
        void apply(String jobId, ClockBindings.Point point);
    }

    /** Sets the timers and task due dates that follow the clock to its (moved) warning and due date. */
    void moveEngineDates(ClockRepository.ClockRecord c, String processInstanceId, boolean activate) {
        forEachTimer(c, processInstanceId, (jobId, point) -> {
            var at = point == ClockBindings.Point.DUE ? c.dueAt() : c.warnAt();
            timers.move(jobId, at == null ? null : Date.from(at.toInstant()), activate);
        });
        var instanceId = processInstanceOf(c.caseId(), processInstanceId);
        if (instanceId == null) return;
        for (var task : tasks.createTaskQuery().processInstanceId(instanceId).active().list()) {
            var bound = bindings.clockOfTask(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
            if (bound.isPresent() && bound.get() == c.clock()) {
                task.setDueDate(Date.from(c.dueAt().toInstant()));
                tasks.saveTask(task);
            }
        }
    }

    void forEachTimer(ClockRepository.ClockRecord c, String processInstanceId, TimerAction action) {
        var instanceId = processInstanceOf(c.caseId(), processInstanceId);
        if (instanceId == null) return;
        var instance = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
        if (instance == null) return;
        var bound = new ArrayList<>(bindings.of(instance.getProcessDefinitionId(), c.clock()));
        for (var binding : bound) {
            if (!binding.timer()) continue;
            for (var job : management.createJobQuery().processInstanceId(instanceId).activityId(binding.activityId())
                    .timers().list()) {
                action.apply(job.getId(), binding.point());
            }
        }
    }

    private String processInstanceOf(String caseId, String processInstanceId) {
        if (processInstanceId != null) return processInstanceId;
        return cases.find(caseId).map(CaseAccess.CaseRef::processInstanceId).orElse(null);
    }
}
