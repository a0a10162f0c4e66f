package com.gridcare.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Deploys the models once the engine exists and before the web server takes requests, and again
 * on every change when watching.
 */
@Configuration
class DeploymentConfiguration implements SmartInitializingSingleton {

    private final ModelDeployer deployer;
    private final boolean watch;
    private FolderWatcher watcher;

    DeploymentConfiguration(RepositoryService repositoryService, ObjectMapper json,
            ModelsProperties properties) {
        this.deployer = new ModelDeployer(repositoryService, SourceFolder.of("processes", properties.processesDir()),
                SourceFolder.of("forms", properties.formsDir()), json);
        this.watch = properties.watch();
    }

    @Bean
    ModelDeployer modelDeployer() {
        return deployer;
    }

    @Override
    public void afterSingletonsInstantiated() {
        var report = deployer.deployChanged();
        if (!report.ok()) {
            throw new IllegalStateException("GridCare's models were refused: " + report.refused());
        }
        if (watch) {
            watcher = new FolderWatcher("models", List.of(deployer.processes(), deployer.forms()), 1000,
                    deployer::deployChanged);
        }
    }

    @EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void stopWatching() {
        if (watcher != null) watcher.close();
    }
}
