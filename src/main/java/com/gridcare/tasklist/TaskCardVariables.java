package com.gridcare.tasklist;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Copies the values Tasklist shows on a task card (case number, customer, category, tier) onto each
 * new user task as task variables. With authorizations on, staff may read their tasks' variables but
 * not every variable of the process instance, and Tasklist reads the card columns as the user.
 */
@Component
class TaskCardVariables extends AbstractProcessEnginePlugin {

    private static final TaskListener COPY = TaskCardVariables::copy;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        var listeners = new ArrayList<BpmnParseListener>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                    userTask.getTaskDefinition().addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, COPY);
                }
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private static void copy(DelegateTask task) {
        for (var column : TasklistFilters.VARIABLES) {
            var name = column.get("name");
            var value = task.getExecution() == null ? null : task.getExecution().getVariable(name);
            if (value != null) {
                task.setVariableLocal(name, value);
            }
        }
    }
}
