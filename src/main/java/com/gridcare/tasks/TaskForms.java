package com.gridcare.tasks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The Camunda Form of a task, read from its deployment: what its submission may contain. */
@Component
class TaskForms {

    private final FormService forms;
    private final ObjectMapper json;
    /** Forms bound to their deployment or version never change: parsed once per process definition and task. */
    private final Map<String, Optional<FormSchema>> boundForms = new ConcurrentHashMap<>();

    TaskForms(FormService forms, ObjectMapper json) {
        this.forms = forms;
        this.json = json;
    }

    /** The task's Camunda Form, or null when it has none (or an embedded HTML form GridCare cannot read). */
    FormSchema of(Task task) {
        if (task instanceof TaskEntity entity) entity.initializeFormKey();
        if (task.getCamundaFormRef() == null
                && (task.getFormKey() == null || !task.getFormKey().startsWith("camunda-forms:"))) {
            return null;
        }
        var ref = task.getCamundaFormRef();
        if (ref != null && task.getProcessDefinitionId() != null
                && ("deployment".equals(ref.getBinding()) || "version".equals(ref.getBinding()))) {
            return boundForms.computeIfAbsent(task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey(),
                    k -> Optional.ofNullable(deployed(task))).orElse(null);
        }
        return deployed(task);
    }

    private FormSchema deployed(Task task) {
        try (var in = forms.getDeployedTaskForm(task.getId())) {
            return FormSchema.parse(json.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("the form of task " + task.getId() + " cannot be read", e);
        }
    }
}
