package com.gridcare.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.testsupport.GridCareTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The process designer's loop on copies of processes/ and forms/: unchanged models make no new
 * versions, a changed model or form does, a broken one is refused while the old version serves.
 */
@GridCareTest
class ModelDeploymentTest {

    private static final String PROCESS = "complaint-handling";

    @Autowired
    RepositoryService repository;
    @Autowired
    ObjectMapper json;
    @Autowired
    ModelDeployer shipped;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @TempDir
    Path dir;
    ModelDeployer deployer;

    @BeforeEach
    void copyModels() throws IOException {
        for (var folder : List.of("processes", "forms")) {
            Files.createDirectories(dir.resolve(folder));
            try (var files = Files.list(Path.of(folder))) {
                for (var file : files.toList()) {
                    Files.copy(file, dir.resolve(folder).resolve(file.getFileName()));
                }
            }
        }
        deployer = new ModelDeployer(repository, SourceFolder.of("processes", dir.resolve("processes").toString()),
                SourceFolder.of("forms", dir.resolve("forms").toString()), json);
    }

    @AfterEach
    void restoreShippedModels() {
        assertThat(shipped.deployChanged().ok()).isTrue();
    }

    private int latestVersion() {
        return repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).latestVersion().singleResult()
                .getVersion();
    }

    @Test
    void unchangedModelsMakeNoNewVersion() {
        deployer.deployChanged();
        int version = latestVersion();

        var report = deployer.deployChanged();

        assertThat(report.deployed()).isEmpty();
        assertThat(report.unchanged()).contains(PROCESS + ".bpmn");
        assertThat(latestVersion()).isEqualTo(version);
    }

    @Test
    void aChangedProcessOrFormBecomesANewVersion() throws IOException {
        deployer.deployChanged();
        int version = latestVersion();
        var bpmn = dir.resolve("processes").resolve(PROCESS + ".bpmn");
        Files.writeString(bpmn, Files.readString(bpmn).replace("name=\"Complaint handling\"",
                "name=\"Complaint handling (edited)\""));

        var report = deployer.deployChanged();

        assertThat(report.deployed()).containsExactly(PROCESS + ".bpmn");
        assertThat(latestVersion()).isEqualTo(version + 1);

        var form = dir.resolve("forms").resolve("complaint-handle.form");
        Files.writeString(form, Files.readString(form).replace("Case number", "Case no."));
        assertThat(deployer.deployChanged().deployed()).containsExactly(PROCESS + ".bpmn");
        assertThat(latestVersion()).isEqualTo(version + 2);
    }

    @Test
    void aSavedModelIsDeployedWithoutARestartWhenTheFoldersAreWatched() throws Exception {
        deployer.deployChanged();
        int version = latestVersion();
        try (var watcher = new FolderWatcher("test", List.of(deployer.processes(), deployer.forms()), 100,
                deployer::deployChanged)) {
            var bpmn = dir.resolve("processes").resolve(PROCESS + ".bpmn");
            Files.writeString(bpmn, Files.readString(bpmn).replace("name=\"Complaint handling\"",
                    "name=\"Complaint handling (saved in the Modeler)\""));

            long deadline = System.nanoTime() + 10_000_000_000L;
            while (latestVersion() == version && System.nanoTime() < deadline) {
                Thread.sleep(100); // the watcher polls the folders on its own thread
            }
        }

        assertThat(latestVersion()).isEqualTo(version + 1);
    }

    @Test
    void aBrokenModelIsRefusedWithTheParserMessageAndTheOldVersionKeepsServing() throws IOException {
        deployer.deployChanged();
        int version = latestVersion();
        var bpmn = dir.resolve("processes").resolve(PROCESS + ".bpmn");
        var model = Files.readString(bpmn);
        var line = model.substring(0, model.indexOf("${routeComplaint}")).lines().count();
        Files.writeString(bpmn, model.replace(" camunda:delegateExpression=\"${routeComplaint}\"", ""));

        var report = deployer.deployChanged();

        assertThat(report.ok()).isFalse();
        assertThat(report.refused().get("processes/" + PROCESS + ".bpmn")).contains("delegateExpression")
                .contains("line " + line);
        assertThat(latestVersion()).isEqualTo(version);
    }

    @Test
    void aProcessReferencingAMissingFormIsRefused() throws IOException {
        Files.delete(dir.resolve("forms").resolve("complaint-handle.form"));

        var report = deployer.deployChanged();

        assertThat(report.refused().get("processes/" + PROCESS + ".bpmn")).contains("complaint-handle");
    }

    @Test
    void everyFormAProcessReferencesIsDeployedWithIt() {
        for (var definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            var model = repository.getBpmnModelInstance(definition.getId());
            var formIds = ModelDeployer.referencedForms(
                    org.camunda.bpm.model.bpmn.Bpmn.convertToString(model).getBytes());
            var deployedForms = repository.getDeploymentResourceNames(definition.getDeploymentId()).stream()
                    .filter(name -> name.endsWith(".form")).toList();
            assertThat(deployedForms).hasSize(formIds.size());
            var formKeys = jdbc.sql("SELECT KEY_ FROM ACT_RE_CAMFORMDEF WHERE DEPLOYMENT_ID_ = ?")
                    .param(definition.getDeploymentId()).query(String.class).list();
            assertThat(formKeys).as("forms of %s", definition.getKey()).containsExactlyInAnyOrderElementsOf(formIds);
        }
        assertThat(shipped.deployChanged().ok()).isTrue();
    }
}
