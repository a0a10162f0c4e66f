package com.gridcare.db;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Indexes Camunda's PostgreSQL schema lacks and GridCare's hot paths need, created once the engine
 * has created (or checked) its ACT_* schema, so this is no Flyway migration: Flyway may run before
 * the engine's schema exists. Idempotent ({@code IF NOT EXISTS}); H2 indexes these columns already.
 *
 * <p>{@code ACT_RU_TASK.PARENT_TASK_ID_}: completing a task looks for its subtasks by parent, which
 * without the index scans every open task (bench/performance.sh, task completion).
 */
@Component
class EngineIndexes extends AbstractProcessEnginePlugin {

    static final String TASK_PARENT = "CREATE INDEX IF NOT EXISTS ACT_IDX_TASK_PARENT_TASK_ID ON ACT_RU_TASK (PARENT_TASK_ID_)";

    private final DataSource dataSource;
    private final boolean enabled;

    EngineIndexes(DataSource dataSource, @Value("${gridcare.engine.extra-indexes:true}") boolean enabled) {
        this.dataSource = dataSource;
        this.enabled = enabled;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        if (!enabled) return;
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            if (!connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")) return;
            statement.execute(TASK_PARENT);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the index on ACT_RU_TASK.PARENT_TASK_ID_", e);
        }
    }
}
