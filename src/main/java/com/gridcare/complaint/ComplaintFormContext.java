package com.gridcare.complaint;

import com.gridcare.EngineClock;
import com.gridcare.cases.CaseKind;
import com.gridcare.cases.CaseOutcome;
import com.gridcare.cases.CaseRepository;
import com.gridcare.cases.ProcessVariables;
import com.gridcare.cases.ServiceCase;
import com.gridcare.customer.ContactMasking;
import com.gridcare.customer.CustomerRepository;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cmd.GetTaskFormVariablesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a complaint task's form shows that the process does not keep as variables: the customer's
 * contact data masked, the complaint's description, and the customer's complaints in the last 12
 * months. Served with the task's form variables when Tasklist opens the task, never stored (process
 * variables hold no contact data); forms show them in text components, so they are never submitted.
 */
@Component
class ComplaintFormContext {

    static final String MASKED_CONTACT = "maskedContact";
    static final String DESCRIPTION = "complaintDescription";
    static final String PREVIOUS_COMPLAINTS = "previousComplaints";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final TaskService tasks;
    private final CaseRepository cases;
    private final CustomerRepository customers;
    private final JdbcClient jdbc;

    ComplaintFormContext(TaskService tasks, CaseRepository cases, CustomerRepository customers,
            JdbcClient jdbc) {
        this.tasks = tasks;
        this.cases = cases;
        this.customers = customers;
        this.jdbc = jdbc;
    }

    /** The values for a task's form; empty when the task is not a complaint's. */
    Map<String, String> forTask(String taskId) {
        var task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null || task.getExecutionId() == null) return Map.of();
        // read through the task: whoever may open the task may read its variables (authorizations)
        var caseId = tasks.getVariable(taskId, ProcessVariables.CASE_ID);
        var complaint = caseId == null ? null : cases.find(caseId.toString()).orElse(null);
        if (complaint == null || complaint.kind() != CaseKind.COMPLAINT) return Map.of();
        var values = new LinkedHashMap<String, String>();
        values.put(MASKED_CONTACT, contact(complaint));
        values.put(DESCRIPTION, complaint.description() == null ? "" : complaint.description());
        values.put(PREVIOUS_COMPLAINTS, previousComplaints(complaint));
        return values;
    }

    private String contact(ServiceCase complaint) {
        var customer = customers.find(complaint.customerId()).orElse(null);
        if (customer == null) return "";
        var phone = complaint.contactPhone() != null ? complaint.contactPhone() : customer.phone();
        var parts = new java.util.ArrayList<String>();
        if (phone != null) parts.add("Phone / 电话 " + ContactMasking.phone(phone));
        if (customer.email() != null) parts.add("E-mail / 邮箱 " + ContactMasking.email(customer.email()));
        parts.add("Prefers / 首选 " + customer.preferredChannel());
        return String.join(" · ", parts);
    }

    private String previousComplaints(ServiceCase complaint) {
        var lines = jdbc.sql("""
                SELECT id, received_at, category, status, outcome FROM service_case
                 WHERE customer_id = ? AND kind = 'COMPLAINT' AND id <> ? AND received_at >= ? AND received_at <= ?
                 ORDER BY received_at DESC, id DESC""")
                .params(complaint.customerId(), complaint.id(), complaint.receivedAt().minusMonths(12),
                        complaint.receivedAt())
                .query((rs, n) -> "- %s · %s · %s · %s".formatted(rs.getString("id"),
                        DATE.format(rs.getObject("received_at", java.time.OffsetDateTime.class)
                                .atZoneSameInstant(EngineClock.ZONE)),
                        rs.getString("category"), state(rs.getString("status"), rs.getString("outcome"))))
                .list();
        return lines.isEmpty() ? "None / 无" : String.join("\n", lines);
    }

    private static String state(String status, String outcome) {
        if ("OPEN".equals(status)) return "open / 处理中";
        try {
            var o = CaseOutcome.valueOf(outcome);
            return o.en() + " / " + o.zh();
        } catch (IllegalArgumentException | NullPointerException e) {
            return status;
        }
    }

    /** Adds the values to the answer of "get task form variables". */
    static final class Interceptor extends CommandInterceptor {

        private final ObjectProvider<ComplaintFormContext> context;

        Interceptor(ObjectProvider<ComplaintFormContext> context) {
            this.context = context;
        }

        @Override
        public <T> T execute(Command<T> command) {
            var result = next.execute(command);
            if (command instanceof GetTaskFormVariablesCmd get && result instanceof VariableMap variables) {
                context.getObject().forTask(get.resourceId).forEach((name, value) -> {
                    if (get.formVariableNames == null || get.formVariableNames.contains(name)) {
                        variables.putValueTyped(name, Variables.stringValue(value));
                    }
                });
            }
            return result;
        }
    }
}
