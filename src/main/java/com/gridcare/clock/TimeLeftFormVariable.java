package com.gridcare.clock;

import com.gridcare.kernel.process.CaseVariables;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The time left on a task's clock, for its form: "Reply with handling result / 答复处理结果: 1.5
 * working days left / 剩余 1.5 个工作日 · due / 到期 2026-10-12 10:00".
 *
 * <p>Camunda Forms cannot compute working time, so the value is served with the task's form
 * variables, which Tasklist loads when a task is opened ({@code GET .../task/{id}/form-variables}):
 * computed at that moment, never stored. A form shows it in a text component ({@code {{slaTimeLeft}}}),
 * which has no key: form-js submits only keyed, enabled fields, so it never comes back as a variable.
 */
@Component
class TimeLeftFormVariable {

    /** The name forms use: {@code {{slaTimeLeft}}}. */
    static final String NAME = "slaTimeLeft";

    private final TaskService tasks;
    private final ClockBindings bindings;
    private final ClockStatuses clocks;

    TimeLeftFormVariable(TaskService tasks, ClockBindings bindings, ClockStatuses clocks) {
        this.tasks = tasks;
        this.bindings = bindings;
        this.clocks = clocks;
    }

    /** The line for the task, or null when its due date follows no clock. */
    String forTask(String taskId) {
        var task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || task.getProcessDefinitionId() == null) return null;
        var clock = bindings.clockOfTask(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        if (clock.isEmpty()) return null;
        // read through the task: whoever may open the task may read its variables (authorizations)
        var caseId = tasks.getVariable(taskId, com.gridcare.kernel.process.CaseVariables.CASE_ID);
        return caseId == null ? null : clocks.formLine(caseId.toString(), clock.get());
    }

    /** Adds the value to the answer of "get task form variables" (runs outside the command's transaction). */
    static final class Interceptor extends CommandInterceptor {

        private final ObjectProvider<TimeLeftFormVariable> timeLeft;

        Interceptor(ObjectProvider<TimeLeftFormVariable> timeLeft) {
            this.timeLeft = timeLeft;
        }

        @Override
        public <T> T execute(Command<T> command) {
            var result = next.execute(command);
            if (command instanceof GetTaskFormVariablesCmd get && result instanceof VariableMap variables
                    && (get.formVariableNames == null || get.formVariableNames.contains(NAME))) {
                var line = timeLeft.getObject().forTask(get.resourceId);
                if (line != null) variables.putValueTyped(NAME, Variables.stringValue(line));
            }
            return result;
        }
    }
}
