package com.gridcare.cases;

import com.gridcare.insight.ServiceMetrics;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code case_event} and {@code case_escalation} tables. */
@Repository
class CaseHistory {

    private final JdbcClient jdbc;

    private final ServiceMetrics metrics;

    CaseHistory(JdbcClient jdbc, ServiceMetrics metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    void add(String caseId, OffsetDateTime at, CaseEventType type, boolean customerVisible, String stage,
            String textEn, String textZh, String actor, String taskId) {
        jdbc.sql("""
                INSERT INTO case_event (case_id, occurred_at, event_type, customer_visible, stage, text_en, text_zh,
                       actor, task_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, at, type.name(), customerVisible, stage, limit(textEn), limit(textZh), actor, taskId)
                .update();
    }

    List<CaseEvent> events(String caseId, boolean includeInternal) {
        return jdbc.sql("""
                SELECT * FROM case_event WHERE case_id = ? AND (customer_visible OR ?)
                 ORDER BY occurred_at, id""")
                .params(caseId, includeInternal)
                .query(CaseHistory::event)
                .list();
    }

    void addEscalation(String caseId, int level, EscalationKind kind, OffsetDateTime at, String escalatedTo,
            String taskId, String activityId) {
        jdbc.sql("""
                INSERT INTO case_escalation (case_id, escalation_level, kind, escalated_at, escalated_to, task_id,
                       activity_id)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, level, kind.name(), at, escalatedTo, taskId, activityId)
                .update();
        metrics.escalation(level, kind.name());
    }

    List<CaseEscalation> escalations(String caseId) {
        return jdbc.sql("SELECT * FROM case_escalation WHERE case_id = ? ORDER BY escalated_at, id")
                .param(caseId)
                .query((rs, n) -> new CaseEscalation(rs.getLong("id"), rs.getString("case_id"),
                        rs.getInt("escalation_level"), EscalationKind.valueOf(rs.getString("kind")),
                        rs.getObject("escalated_at", OffsetDateTime.class), rs.getString("escalated_to"),
                        rs.getString("task_id"), rs.getString("activity_id")))
                .list();
    }

    /** Erasure: each personal value is replaced inside the texts of the customer's cases' history. */
    int erase(String customerId, List<String> values, String replacement) {
        int changed = 0;
        for (var value : values) {
            changed += jdbc.sql("""
                    UPDATE case_event SET text_en = REPLACE(text_en, ?, ?), text_zh = REPLACE(text_zh, ?, ?)
                     WHERE case_id IN (SELECT id FROM service_case WHERE customer_id = ?)""")
                    .params(value, replacement, value, replacement, customerId).update();
        }
        return changed;
    }

    private static CaseEvent event(ResultSet rs, int row) throws SQLException {
        return new CaseEvent(rs.getLong("id"), rs.getString("case_id"),
                rs.getObject("occurred_at", OffsetDateTime.class), CaseEventType.valueOf(rs.getString("event_type")),
                rs.getBoolean("customer_visible"), rs.getString("stage"), rs.getString("text_en"),
                rs.getString("text_zh"), rs.getString("actor"), rs.getString("task_id"));
    }

    private static String limit(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }
}
