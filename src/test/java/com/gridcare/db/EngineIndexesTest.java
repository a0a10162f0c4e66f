package com.gridcare.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.testsupport.GridCareTest;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@GridCareTest
class EngineIndexesTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Database database;
    @Autowired
    CamundaBpmProperties camunda;

    @Test
    void jobAcquisitionReadsDueJobsThroughAnIndexTimersFirst() throws SQLException {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.isEnsureJobDueDateNotNull()).isTrue();
        assertThat(configuration.isJobExecutorPreferTimerJobs()).isTrue();
        assertThat(camunda.getJobExecution().getMaxJobsPerAcquisition()).isEqualTo(10);
        assertThat(indexedColumns("ACT_RU_JOB")).contains("DUEDATE_");
        if (database.isPostgres()) {
            assertThat(indexedColumns("ACT_RU_TASK")).contains("PARENT_TASK_ID_");
            assertThat(indexedColumns("ACT_RU_JOB")).contains("PROCESS_INSTANCE_ID_");
            assertThat(jdbc.sql("SELECT indexdef FROM pg_indexes WHERE indexname = 'act_idx_job_locked'")
                    .query(String.class).single()).contains("WHERE (lock_owner_ IS NOT NULL)");
        }
    }

    @Test
    void aJobWithoutDueDateFromBeforeTheUpgradeIsMadeDueAtStartUp() {
        var repository = engine.getRepositoryService();
        var runtime = engine.getRuntimeService();
        var management = engine.getManagementService();
        // one async step whose job never runs: its instance is suspended at once
        var model = Bpmn.createExecutableProcess("Process_EngineIndexesTest").camundaHistoryTimeToLive(1)
                .startEvent().manualTask().camundaAsyncBefore().endEvent().done();
        var deployment = repository.createDeployment().name("engine-indexes-test")
                .addModelInstance("engine-indexes-test.bpmn", model).deploy();
        try {
            var instance = runtime.startProcessInstanceByKey("Process_EngineIndexesTest").getId();
            runtime.suspendProcessInstanceById(instance);
            var job = management.createJobQuery().processInstanceId(instance).singleResult();
            assertThat(job.getDuedate()).as("an async continuation gets a due date").isNotNull();
            jdbc.sql("UPDATE ACT_RU_JOB SET DUEDATE_ = NULL WHERE ID_ = ?").param(job.getId()).update();

            new EngineIndexes(dataSource, true).postProcessEngineBuild(engine);

            assertThat(management.createJobQuery().jobId(job.getId()).singleResult().getDuedate()).isNotNull();
        } finally {
            repository.deleteDeployment(deployment.getId(), true);
        }
    }

    private List<String> indexedColumns(String table) throws SQLException {
        var columns = new ArrayList<String>();
        try (var connection = dataSource.getConnection()) {
            var name = database.isPostgres() ? table.toLowerCase() : table;
            try (var rows = connection.getMetaData().getIndexInfo(null, null, name, false, false)) {
                while (rows.next()) {
                    if (rows.getString("COLUMN_NAME") != null) columns.add(rows.getString("COLUMN_NAME").toUpperCase());
                }
            }
        }
        return columns;
    }
}
