package com.gridcare.clock;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Which timers and task due dates of a process model follow which case clock: the ones whose
 * expression reads the clock, {@code ${slaClocks.dueAt(execution, 'COMPLAINT_RESOLUTION')}} or
 * {@code ${slaClocks.warnAt(...)}}. When a clock pauses, resumes or moves, exactly these move with it.
 * Read once per process definition from its deployed model.
 */
@Component
public class ClockBindings {

    /** What an element's date is: the clock's due date or its warning. */
    enum Point { DUE, WARNING }

    record Binding(String activityId, SlaClock clock, Point point, boolean timer) {
    }

    static final Pattern EXPRESSION = Pattern.compile(
            "slaClocks\\s*\\.\\s*(dueAt|warnAt)\\s*\\(\\s*\\w+\\s*,\\s*['\"]([A-Z_]+)['\"]\\s*\\)");

    private final RepositoryService repository;
    private final Map<String, List<Binding>> byDefinition = new ConcurrentHashMap<>();

    ClockBindings(RepositoryService repository) {
        this.repository = repository;
    }

    List<Binding> of(String processDefinitionId) {
        return byDefinition.computeIfAbsent(processDefinitionId, this::read);
    }

    List<Binding> of(String processDefinitionId, SlaClock clock) {
        return of(processDefinitionId).stream().filter(b -> b.clock() == clock).toList();
    }

    /** The clock whose due date a user task carries, if any. */
    java.util.Optional<SlaClock> clockOfTask(String processDefinitionId, String taskDefinitionKey) {
        return of(processDefinitionId).stream()
                .filter(b -> !b.timer() && b.point() == Point.DUE && b.activityId().equals(taskDefinitionKey))
                .map(Binding::clock).findFirst();
    }

    private List<Binding> read(String processDefinitionId) {
        var model = repository.getBpmnModelInstance(processDefinitionId);
        var bindings = new java.util.ArrayList<Binding>();
        for (var task : model.getModelElementsByType(UserTask.class)) {
            bind(task.getId(), task.getCamundaDueDate(), false, bindings);
        }
        for (var timer : model.getModelElementsByType(TimerEventDefinition.class)) {
            var event = timer.getParentElement();
            if (!(event instanceof BoundaryEvent) && !(event instanceof IntermediateCatchEvent)) continue;
            var id = ((org.camunda.bpm.model.bpmn.instance.BaseElement) event).getId();
            if (timer.getTimeDate() != null) bind(id, timer.getTimeDate().getTextContent(), true, bindings);
            if (timer.getTimeDuration() != null) bind(id, timer.getTimeDuration().getTextContent(), true, bindings);
        }
        return List.copyOf(bindings);
    }

    public static SlaClock clockNamed(String name, String where) {
        try {
            return SlaClock.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " names clock '" + name + "'; the clocks are "
                    + java.util.Arrays.toString(SlaClock.values()));
        }
    }

    private static void bind(String activityId, String expression, boolean timer, List<Binding> bindings) {
        if (expression == null) return;
        var m = EXPRESSION.matcher(expression);
        if (m.find()) {
            bindings.add(new Binding(activityId, clockNamed(m.group(2), activityId),
                    m.group(1).equals("dueAt") ? Point.DUE : Point.WARNING, timer));
        }
    }
}
