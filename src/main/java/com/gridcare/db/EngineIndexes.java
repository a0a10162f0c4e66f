package com.gridcare.db;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Indexes Camunda's schema lacks and GridCare's hot paths need, created once the engine has created
 * (or checked) its ACT_* schema, so this is no Flyway migration: Flyway may run before the engine's
 * schema exists. Idempotent ({@code IF NOT EXISTS}). Each is justified by bench/performance.sh:
 *
 * <ul>
 *   <li>{@code ACT_RU_TASK.PARENT_TASK_ID_} (PostgreSQL; H2 indexes the foreign key already): completing
 *       a task looks for its subtasks by parent, which without the index scans every open task.
 *   <li>{@code ACT_RU_JOB.DUEDATE_}, with every job given a due date ({@code ensureJobDueDateNotNull}):
 *       the job executor's acquisition query, run several times a second under load, then reads only
 *       the jobs that are due instead of every job. Each open complaint holds two to four timer jobs, so
 *       without it each acquisition scans tens of thousands of rows (7 ms at 3,000 open complaints).
 *   <li>{@code ACT_RU_JOB.PROCESS_INSTANCE_ID_} of locked jobs only (PostgreSQL, partial index): the
 *       acquisition skips instances whose jobs are running; with timers preferred it checks every due
 *       job, and PostgreSQL then read the whole job table for the few locked ones (81 ms instead of
 *       18 ms per acquisition with 10,000 timers due among 70,000 jobs).
 * </ul>
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    static final String TASK_PARENT = "CREATE INDEX IF NOT EXISTS ACT_IDX_TASK_PARENT_TASK_ID ON ACT_RU_TASK (PARENT_TASK_ID_)";
    static final String JOB_DUE_DATE = "CREATE INDEX IF NOT EXISTS ACT_IDX_JOB_DUEDATE ON ACT_RU_JOB (DUEDATE_)";
    static final String JOB_LOCKED = "CREATE INDEX IF NOT EXISTS ACT_IDX_JOB_LOCKED ON ACT_RU_JOB (PROCESS_INSTANCE_ID_)"
            + " WHERE LOCK_OWNER_ IS NOT NULL";
    /** Jobs made before due dates were ensured (an upgrade) are due now, or acquisition would never see them. */
    static final String JOBS_WITHOUT_DUE_DATE = "UPDATE ACT_RU_JOB SET DUEDATE_ = COALESCE(CREATE_TIME_, CURRENT_TIMESTAMP)"
            + " WHERE DUEDATE_ IS NULL";

    private final DataSource dataSource;
    private final boolean enabled;

    @Autowired
    EngineIndexes(DataSource dataSource, EngineProperties properties) {
        this(dataSource, properties.extraIndexes());
    }

    EngineIndexes(DataSource dataSource, boolean enabled) {
        this.dataSource = dataSource;
        this.enabled = enabled;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (enabled) configuration.setEnsureJobDueDateNotNull(true);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if (!enabled) return;
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(JOB_DUE_DATE);
            statement.execute(JOBS_WITHOUT_DUE_DATE);
            if (connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) {
                statement.execute(TASK_PARENT);
                statement.execute(JOB_LOCKED);
            }
            if (!connection.getAutoCommit()) connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("could not create GridCare's indexes on Camunda's tables", e);
        }
    }
}
