package com.gridcare.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deploys {@code processes/*.bpmn} with the Camunda Forms they reference from {@code forms/}.
 * Each process is its own deployment (named after its file) holding the process and its forms,
 * so that {@code camunda:formRefBinding="deployment"} finds them and a change to one process or
 * form makes a new version of only the processes concerned. Unchanged models deploy nothing.
 */
public class ModelDeployer {

    private static final Logger log = LoggerFactory.getLogger(ModelDeployer.class);
    static final String SOURCE = "gridcare";

    /** What one deployment round did, per process file. */
    public record Report(List<String> deployed, List<String> unchanged, Map<String, String> refused) {
        public boolean ok() {
            return refused.isEmpty();
        }
    }

    private final RepositoryService repositoryService;
    private final SourceFolder processes;
    private final SourceFolder forms;
    private final ObjectMapper json;

    public ModelDeployer(RepositoryService repositoryService, SourceFolder processes, SourceFolder forms,
            ObjectMapper json) {
        this.repositoryService = repositoryService;
        this.processes = processes;
        this.forms = forms;
        this.json = json;
    }

    public SourceFolder processes() {
        return processes;
    }

    public SourceFolder forms() {
        return forms;
    }

    /** Deploys what changed; a model that the engine refuses is reported and the others still deploy. */
    public synchronized Report deployChanged() {
        var deployed = new ArrayList<String>();
        var unchanged = new ArrayList<String>();
        var refused = new LinkedHashMap<String, String>();
        var formsById = new LinkedHashMap<String, Map.Entry<String, byte[]>>();
        for (var form : forms.read(p -> p.endsWith(".form")).entrySet()) {
            try {
                var id = json.readTree(form.getValue()).path("id").asText("");
                if (id.isEmpty()) {
                    refused.put("forms/" + form.getKey(), "the form has no \"id\"");
                } else {
                    formsById.put(id, form);
                }
            } catch (IOException e) {
                refused.put("forms/" + form.getKey(), "not valid JSON: " + e.getMessage());
            }
        }
        for (var process : processes.read(p -> p.endsWith(".bpmn")).entrySet()) {
            var file = process.getKey();
            try {
                var builder = repositoryService.createDeployment()
                        .name(file)
                        .source(SOURCE)
                        .enableDuplicateFiltering(false)
                        .addInputStream(file, new ByteArrayInputStream(process.getValue()));
                for (var formId : referencedForms(process.getValue())) {
                    var form = formsById.get(formId);
                    if (form == null) {
                        throw new IllegalArgumentException("references form \"" + formId
                                + "\", which no file in forms/ has as its id");
                    }
                    builder.addInputStream(form.getKey(), new ByteArrayInputStream(form.getValue()));
                }
                var deployment = builder.deployWithResult();
                if (deployment.getDeployedProcessDefinitions() == null
                        || deployment.getDeployedProcessDefinitions().isEmpty()) {
                    unchanged.add(file);
                } else {
                    deployed.add(file);
                    log.info("deployed {} as new version(s) {}", file, deployment.getDeployedProcessDefinitions()
                            .stream().map(d -> d.getKey() + ":" + d.getVersion()).toList());
                }
            } catch (RuntimeException e) {
                refused.put("processes/" + file, e.getMessage());
                log.error("refused processes/{}: {}", file, e.getMessage());
            }
        }
        return new Report(deployed, unchanged, refused);
    }

    static Set<String> referencedForms(byte[] bpmn) {
        var model = Bpmn.readModelFromStream(new ByteArrayInputStream(bpmn));
        var ids = new LinkedHashSet<String>();
        for (var task : model.getModelElementsByType(UserTask.class)) {
            if (task.getCamundaFormRef() != null) ids.add(task.getCamundaFormRef());
        }
        for (var start : model.getModelElementsByType(StartEvent.class)) {
            if (start.getCamundaFormRef() != null) ids.add(start.getCamundaFormRef());
        }
        return ids;
    }
}
