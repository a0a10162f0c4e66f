package com.gridcare.customer;

import com.gridcare.api.NotFoundException;
import com.gridcare.cases.ProcessVariables;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's request to be forgotten: their name, phone, e-mail and address are removed from
 * every place GridCare keeps them (master data, cases, messages, decisions and case events, and the
 * name in the processes' variables and history), in one transaction. The customer's id stays, so
 * cases, points and decisions remain countable; an erasure is recorded with who and when. Running
 * it again changes nothing more.
 */
@Service
public class CustomerErasure {

    public static final String ERASED = "[erased]";
    /** The engine's query limit; a customer has far fewer cases. */
    private static final int MAX_ROWS = 1000;

    /** What was anonymised, by place. */
    public record Report(String customerId, OffsetDateTime erasedAt, String erasedBy, Map<String, Integer> rows) {}

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final TaskService tasks;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CustomerErasure(JdbcClient jdbc, RuntimeService runtime, HistoryService history, TaskService tasks, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.history = history;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** Whether the customer was erased: their master data is not taken again. */
    public boolean erased(String customerId) {
        return jdbc.sql("SELECT COUNT(*) FROM customer WHERE id = ? AND erased_at IS NOT NULL").param(customerId)
                .query(Integer.class).single() > 0;
    }

    @Transactional
    public Report erase(String customerId, String by) {
        var personal = jdbc.sql("SELECT name, phone, email, address FROM customer WHERE id = ? FOR UPDATE")
                .param(customerId)
                .query((rs, n) -> Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional()
                .orElseThrow(() -> new NotFoundException("id: no customer " + customerId));
        var contactPhones = jdbc.sql("SELECT contact_phone FROM service_case WHERE customer_id = ? AND contact_phone IS NOT NULL")
                .param(customerId).query(String.class).list();
        var values = new ArrayList<String>();
        personal.stream().filter(Objects::nonNull).filter(v -> !v.isBlank() && !ERASED.equals(v)).forEach(values::add);
        values.addAll(contactPhones);
        var now = OffsetDateTime.now(clock);
        var rows = new LinkedHashMap<String, Integer>();

        rows.put("customer", jdbc.sql("""
                UPDATE customer SET name = ?, phone = NULL, email = NULL, address = NULL, updated_at = ?,
                       erased_at = COALESCE(erased_at, ?), erased_by = COALESCE(erased_by, ?)
                 WHERE id = ?""").params(ERASED, now, now, by, customerId).update());
        rows.put("service_case", jdbc.sql("""
                UPDATE service_case SET description = ?, contact_phone = NULL, withdrawal_reason = NULL
                 WHERE customer_id = ?""").params(ERASED, customerId).update());
        rows.put("notification_outbox", jdbc.sql("""
                UPDATE notification_outbox SET subject = ?, body = ?,
                       status = CASE WHEN status = 'PENDING' THEN 'FAILED' ELSE status END,
                       last_error = CASE WHEN status = 'PENDING' THEN 'customer erased' ELSE last_error END
                 WHERE customer_id = ?""").params(ERASED, ERASED, customerId).update());
        rows.put("case_event", replaceIn("case_event", List.of("text_en", "text_zh"),
                "case_id IN (SELECT id FROM service_case WHERE customer_id = ?)", customerId, values));
        rows.put("decision", replaceIn("decision", List.of("inputs", "outputs", "explanation"),
                "customer_id = ?", customerId, values));
        rows.put("process_variables", eraseProcessVariables(customerId, values));
        rows.put("customer_access_log", replaceIn("customer_access_log", List.of("reason"), "customer_id = ?",
                customerId, values));
        events.publishEvent(new CustomerErased(customerId, List.copyOf(values), rows));
        return new Report(customerId, now, by, rows);
    }

    /** Replaces each personal value inside free-text columns of the rows that concern the customer. */
    private int replaceIn(String table, List<String> columns, String where, String customerId, List<String> values) {
        int changed = 0;
        for (var value : values) {
            var set = new StringBuilder();
            var params = new ArrayList<Object>();
            for (var column : columns) {
                if (!set.isEmpty()) set.append(", ");
                set.append(column).append(" = REPLACE(").append(column).append(", ?, ?)");
                params.add(value);
                params.add(ERASED);
            }
            params.add(customerId);
            changed += jdbc.sql("UPDATE " + table + " SET " + set + " WHERE " + where).params(params).update();
        }
        return changed;
    }

    /**
     * Every text variable of the customer's processes that holds one of their personal values (their
     * name in {@code customerName}, on task cards, in forms), running and in history.
     */
    private int eraseProcessVariables(String customerId, List<String> values) {
        var instanceIds = jdbc.sql("""
                SELECT process_instance_id FROM service_case WHERE customer_id = ? AND process_instance_id IS NOT NULL""")
                .param(customerId).query(String.class).list();
        if (instanceIds.isEmpty() || values.isEmpty()) return 0;
        var ids = instanceIds.toArray(String[]::new);
        int changed = 0;
        for (var variable : runtime.createVariableInstanceQuery().processInstanceIdIn(ids).listPage(0, MAX_ROWS)) {
            if (!(variable.getValue() instanceof String text) || !mentions(text, values)) continue;
            if (variable.getTaskId() != null) {
                tasks.setVariableLocal(variable.getTaskId(), variable.getName(), anonymised(text, values));
            } else {
                runtime.setVariableLocal(variable.getExecutionId(), variable.getName(), anonymised(text, values));
            }
            changed++;
        }
        for (var past : history.createHistoricVariableInstanceQuery().processInstanceIdIn(ids).listPage(0, MAX_ROWS)) {
            if (past.getValue() instanceof String text && mentions(text, values)) {
                history.deleteHistoricVariableInstance(past.getId());
                changed++;
            }
        }
        return changed;
    }

    private static boolean mentions(String text, List<String> values) {
        return values.stream().anyMatch(text::contains);
    }

    private static String anonymised(String text, List<String> values) {
        var result = text;
        for (var value : values) result = result.replace(value, ERASED);
        return result;
    }
}
