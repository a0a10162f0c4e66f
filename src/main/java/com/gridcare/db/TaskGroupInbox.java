package com.gridcare.db;

import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A group's open tasks in creation order, for a group's inbox on PostgreSQL: {@code task_group_inbox} holds a
 * row for each candidate group of each open task with the task's creation time, indexed by group and time, and
 * database triggers on the engine's candidate links and tasks keep it as they are (the engine's writes, the
 * REST API's, SQL's alike). The engine's tables cannot give this order: the group is on the candidate link,
 * the time on the task, so PostgreSQL had to walk the newest tasks of every group (or sort all of the group's)
 * to find a group's newest 50. {@link TaskQueryExists} joins this table into a query for one candidate group as
 * that query's candidate criterion, ordered by the table's time, and PostgreSQL reads the group's newest rows from
 * the index and stops after the page. Which tasks a user may see is still decided by the grant check; the table
 * says which tasks have the group as a candidate, so it must equal the candidate links: the triggers keep it so
 * in the engine's own transactions, and every start brings it back in line.
 *
 * <p>Made, and brought in line with the engine's tables, at every start once the engine's schema exists, in one
 * transaction under an advisory lock (nodes starting together); H2 does without (the query is the engine's
 * there). On with {@code gridcare.engine.task-query-exists}, off on the stock benchmark profile.
 */
@Component
class TaskGroupInbox extends AbstractProcessEnginePlugin {

    static final String TABLE = "task_group_inbox";
    /** Any constant that no other advisory lock of GridCare's uses. */
    private static final long LOCK = 0x7461736b67726f75L;

    static final List<String> STATEMENTS = List.of(
            "SELECT pg_advisory_xact_lock(" + LOCK + ")",
            """
            CREATE TABLE IF NOT EXISTS task_group_inbox (
                task_id varchar(64) NOT NULL,
                group_id varchar(255) NOT NULL,
                create_time timestamp NOT NULL,
                PRIMARY KEY (task_id, group_id))""",
            "CREATE INDEX IF NOT EXISTS task_group_inbox_newest ON task_group_inbox (group_id, create_time)",
            // a candidate link made, changed or removed: its group's row follows it (another link of the same
            // task and group keeps the row)
            """
            CREATE OR REPLACE FUNCTION task_group_inbox_link() RETURNS trigger LANGUAGE plpgsql AS $f$
            BEGIN
              IF TG_OP <> 'INSERT' AND OLD.type_ = 'candidate' AND OLD.task_id_ IS NOT NULL AND OLD.group_id_ IS NOT NULL THEN
                DELETE FROM task_group_inbox g WHERE g.task_id = OLD.task_id_ AND g.group_id = OLD.group_id_
                  AND NOT EXISTS (SELECT 1 FROM act_ru_identitylink i WHERE i.task_id_ = OLD.task_id_
                                  AND i.group_id_ = OLD.group_id_ AND i.type_ = 'candidate');
              END IF;
              IF TG_OP <> 'DELETE' AND NEW.type_ = 'candidate' AND NEW.task_id_ IS NOT NULL AND NEW.group_id_ IS NOT NULL THEN
                INSERT INTO task_group_inbox (task_id, group_id, create_time)
                  SELECT t.id_, NEW.group_id_, t.create_time_ FROM act_ru_task t
                   WHERE t.id_ = NEW.task_id_ AND t.create_time_ IS NOT NULL
                  ON CONFLICT DO NOTHING;
              END IF;
              RETURN NULL;
            END $f$""",
            // a task removed, or its creation time changed
            """
            CREATE OR REPLACE FUNCTION task_group_inbox_task() RETURNS trigger LANGUAGE plpgsql AS $f$
            BEGIN
              IF TG_OP = 'DELETE' THEN
                DELETE FROM task_group_inbox WHERE task_id = OLD.id_;
              ELSIF NEW.create_time_ IS DISTINCT FROM OLD.create_time_ THEN
                DELETE FROM task_group_inbox WHERE task_id = NEW.id_;
                INSERT INTO task_group_inbox (task_id, group_id, create_time)
                  SELECT NEW.id_, i.group_id_, NEW.create_time_ FROM act_ru_identitylink i
                   WHERE i.task_id_ = NEW.id_ AND i.type_ = 'candidate' AND i.group_id_ IS NOT NULL
                     AND NEW.create_time_ IS NOT NULL
                  ON CONFLICT DO NOTHING;
              END IF;
              RETURN NULL;
            END $f$""",
            // made once (and then never dropped, so the table stays right while the feature is off): creating a
            // trigger waits for the table's writers in flight, so the statements below see what they wrote
            trigger("task_group_inbox_link", "act_ru_identitylink", "AFTER INSERT OR UPDATE OR DELETE"),
            trigger("task_group_inbox_task", "act_ru_task", "AFTER UPDATE OF create_time_ OR DELETE"),
            // in line with the engine's tables: what was written before the triggers were made
            """
            DELETE FROM task_group_inbox g WHERE NOT EXISTS (
                SELECT 1 FROM act_ru_identitylink i JOIN act_ru_task t ON t.id_ = i.task_id_
                 WHERE i.task_id_ = g.task_id AND i.group_id_ = g.group_id AND i.type_ = 'candidate'
                   AND t.create_time_ = g.create_time)""",
            """
            INSERT INTO task_group_inbox (task_id, group_id, create_time)
              SELECT DISTINCT t.id_, i.group_id_, t.create_time_
                FROM act_ru_identitylink i JOIN act_ru_task t ON t.id_ = i.task_id_
               WHERE i.type_ = 'candidate' AND i.group_id_ IS NOT NULL AND t.create_time_ IS NOT NULL
              ON CONFLICT DO NOTHING""");

    private static String trigger(String name, String table, String events) {
        return """
                DO $d$ BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = '%1$s' AND tgrelid = '%2$s'::regclass) THEN
                    CREATE TRIGGER %1$s %3$s ON %2$s FOR EACH ROW EXECUTE FUNCTION %1$s();
                  END IF;
                END $d$""".formatted(name, table, events);
    }

    private final DataSource dataSource;
    private final boolean enabled;

    @Autowired
    TaskGroupInbox(DataSource dataSource, EngineProperties properties) {
        this.dataSource = dataSource;
        this.enabled = properties.taskQueryExists();
    }

    /** Whether the engine's task query may join the table: PostgreSQL, with the feature on. */
    static boolean kept(String databaseType, boolean enabled) {
        return enabled && "postgres".equals(databaseType);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        var configuration = (org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (!kept(configuration.getDatabaseType(), enabled)) return;
        try (var connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (var statement = connection.createStatement()) {
                for (var sql : STATEMENTS) statement.execute(sql);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not keep the groups' inbox order (" + TABLE + ")", e);
        }
    }
}
