package com.gridcare.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.cases.StepKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;

/**
 * The shipped models and forms agree with the case record: a user task that names a kind of step
 * ({@value StepKind#PROPERTY}) has a form whose editable fields are exactly the kind's fields, so that
 * what staff submit is what the record keeps (a form field the kind does not know would refuse every
 * completion; a kind's field no form asks for would never be filled).
 */
class TaskStepKindsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, FormSchema> forms() throws IOException {
        var forms = new HashMap<String, FormSchema>();
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            for (var file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".form"))::iterator) {
                var form = JSON.readTree(file.toFile());
                forms.put(form.path("id").asText(), FormSchema.parse(form));
            }
        }
        return forms;
    }

    @Test
    void everyKindOfStepAUserTaskNamesMatchesTheEditableFieldsOfItsForm() throws IOException {
        var forms = forms();
        int typed = 0;
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            for (var file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".bpmn"))::iterator) {
                var model = Bpmn.readModelFromFile(file.toFile());
                for (var task : model.getModelElementsByType(UserTask.class)) {
                    var kind = model.getModelElementsByType(CamundaProperty.class).stream()
                            .filter(p -> StepKind.PROPERTY.equals(p.getCamundaName()))
                            .filter(p -> p.getParentElement().getParentElement().getParentElement() == task)
                            .map(p -> StepKind.named(p.getCamundaValue(), task.getId())).findFirst()
                            .orElse(StepKind.TASK_COMPLETED);
                    var form = forms.get(task.getCamundaFormRef());
                    assertThat(form).as("%s %s: form %s", file.getFileName(), task.getId(), task.getCamundaFormRef())
                            .isNotNull();
                    if (kind == StepKind.TASK_COMPLETED) continue;
                    var editable = new TreeSet<String>();
                    form.fields().values().stream().filter(f -> !f.readOnly()).forEach(f -> editable.add(f.key()));
                    assertThat(editable).as("%s %s (%s): editable fields of form %s", file.getFileName(), task.getId(),
                            kind, task.getCamundaFormRef()).isEqualTo(new TreeSet<>(kind.fields()));
                    typed++;
                }
            }
        }
        assertThat(typed).as("user tasks with a kind of their own").isGreaterThanOrEqualTo(20);
    }
}
