package com.gridcare.tasks;

import com.gridcare.cases.FormContext;
import com.gridcare.cases.ProcessSteps;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A task's form gets its context when it is opened: the answer of "get task form variables" (Tasklist,
 * {@code GET .../task/{id}/form-variables}; GridCare's API) is completed with the values each feature's
 * {@link FormContext} computes from the case record and the customer. Inside the command, after the
 * engine has checked that the caller may read the task's variables; nothing is stored.
 */
@Component
class TaskFormContext extends AbstractProcessEnginePlugin {

    private final ObjectProvider<ProcessSteps> steps;
    private final ObjectProvider<FormContext> contexts;

    TaskFormContext(ObjectProvider<ProcessSteps> steps, ObjectProvider<FormContext> contexts) {
        this.steps = steps;
        this.contexts = contexts;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandAnswers.amend(configuration, (command, result) -> {
            if (command instanceof GetTaskFormVariablesCmd get && result instanceof VariableMap variables) {
                add(get.resourceId, get.formVariableNames, variables);
            }
            return result;
        });
    }

    private void add(String taskId, Collection<String> wanted, VariableMap variables) {
        var task = Context.getCommandContext().getTaskManager().findTaskById(taskId);
        if (task == null || task.getExecution() == null) return;
        var step = steps.getObject().of(task);
        var processKey = task.getExecution().getProcessDefinition().getKey();
        List<FormContext> all = contexts.orderedStream().toList();
        for (var context : all) {
            for (Map.Entry<String, Object> value : context.values(step, processKey, task.getTaskDefinitionKey())
                    .entrySet()) {
                if (wanted != null && !wanted.contains(value.getKey())) continue;
                variables.putValue(value.getKey(), value.getValue() instanceof BigDecimal decimal
                        ? decimal.doubleValue() : value.getValue());
            }
        }
    }
}
