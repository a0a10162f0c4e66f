package com.gridcare.tasks;

import com.gridcare.cases.CaseStage;
import com.gridcare.cases.StepKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts every user task of every process on the case record, so that models need no listeners for it:
 * when a model is parsed, each user task gets the engine's built-in task listeners for {@code create},
 * {@code assignment}, {@code complete} and {@code delete} ({@link TaskSteps}). What a task's outcome is
 * comes from its extension properties: {@value StepKind#PROPERTY} names the kind of step (a
 * {@link StepKind}; none: the form's fields as submitted), {@value CaseStage#PROPERTY} the stage the
 * case is at while the task is open. Any other element with a {@value CaseStage#PROPERTY} (a receive
 * or service task, an intermediate event) moves the case to its stage when it starts. An unknown kind or
 * stage refuses the model when it is deployed.
 */
@Component
class TaskRecorder extends AbstractProcessEnginePlugin {

    private static final List<String> TASK_EVENTS = List.of(TaskListener.EVENTNAME_CREATE,
            TaskListener.EVENTNAME_ASSIGNMENT, TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);

    /** The activity property holding a user task's {@link StepKind}, for checks before a completion. */
    static final String KIND = "gridcare.stepKind";

    private final ObjectProvider<TaskSteps> steps;

    TaskRecorder(ObjectProvider<TaskSteps> steps) {
        this.steps = steps;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        var listeners = new ArrayList<BpmnParseListener>();
        if (configuration.getCustomPostBPMNParseListeners() != null) {
            listeners.addAll(configuration.getCustomPostBPMNParseListeners());
        }
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask)) return;
                var stage = stage(element, activity);
                var kind = kind(element, activity);
                activity.setProperty(KIND, kind);
                TaskListener listener = task -> steps.getObject().on(task, stage, kind);
                for (var event : TASK_EVENTS) {
                    userTask.getTaskDefinition().addBuiltInTaskListener(event, listener);
                }
            }

            @Override
            public void parseReceiveTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                stageOnStart(element, activity);
            }

            @Override
            public void parseIntermediateCatchEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
                stageOnStart(element, activity);
            }

            @Override
            public void parseIntermediateThrowEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
                stageOnStart(element, activity);
            }

            @Override
            public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                stageOnStart(element, activity);
            }
        });
        configuration.setCustomPostBPMNParseListeners(listeners);
    }

    private void stageOnStart(Element element, ActivityImpl activity) {
        var stage = stage(element, activity);
        if (stage == null) return;
        ExecutionListener listener = execution -> steps.getObject().enter(execution, stage);
        activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, listener);
    }

    private static CaseStage stage(Element element, ActivityImpl activity) {
        var name = property(element, CaseStage.PROPERTY);
        if (name == null) return null;
        try {
            return CaseStage.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("BPMN element " + activity.getId() + " names the case stage '" + name
                    + "'; the stages are " + Arrays.toString(CaseStage.values()));
        }
    }

    private static StepKind kind(Element element, ActivityImpl activity) {
        var name = property(element, StepKind.PROPERTY);
        return name == null ? StepKind.TASK_COMPLETED : StepKind.named(name, activity.getId());
    }

    private static String property(Element element, String name) {
        var properties = BpmnParseUtil.parseCamundaExtensionProperties(element);
        var value = properties == null ? null : properties.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
