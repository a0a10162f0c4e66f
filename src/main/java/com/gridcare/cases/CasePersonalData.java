package com.gridcare.cases;

import com.gridcare.customer.PersonalDataHolder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

/**
 * Erasure in the cases: what the customer wrote (description, the phone they gave, a withdrawal reason)
 * goes from their cases, and each personal value from the texts of the history, the record and the
 * text variables of their cases' processes, running and in history. The cases and what was decided
 * stay countable.
 */
@Component
class CasePersonalData implements PersonalDataHolder {

    /** The engine's query limit; a customer has far fewer cases. */
    private static final int MAX_ROWS = 1000;

    private final CaseRepository cases;
    private final CaseHistory history;
    private final CaseSteps steps;
    private final RuntimeService runtime;
    private final HistoryService engineHistory;
    private final TaskService tasks;

    CasePersonalData(CaseRepository cases, CaseHistory history, CaseSteps steps, RuntimeService runtime,
            HistoryService engineHistory, TaskService tasks) {
        this.cases = cases;
        this.history = history;
        this.steps = steps;
        this.runtime = runtime;
        this.engineHistory = engineHistory;
        this.tasks = tasks;
    }

    @Override
    public List<String> personalValues(String customerId) {
        return cases.contactPhones(customerId);
    }

    @Override
    public Map<String, Integer> erase(String customerId, List<String> values, String replacement) {
        var rows = new LinkedHashMap<String, Integer>();
        rows.put("service_case", cases.eraseCustomerText(customerId, replacement));
        rows.put("case_event", history.erase(customerId, values, replacement));
        rows.put("case_step", steps.erase(customerId, values, replacement));
        rows.put("process_variables", eraseProcessVariables(customerId, values, replacement));
        return rows;
    }

    private int eraseProcessVariables(String customerId, List<String> values, String replacement) {
        var instanceIds = cases.processInstances(customerId);
        if (instanceIds.isEmpty() || values.isEmpty()) return 0;
        var ids = instanceIds.toArray(String[]::new);
        int changed = 0;
        for (var variable : runtime.createVariableInstanceQuery().processInstanceIdIn(ids).listPage(0, MAX_ROWS)) {
            if (!(variable.getValue() instanceof String text) || !mentions(text, values)) continue;
            if (variable.getTaskId() != null) {
                tasks.setVariableLocal(variable.getTaskId(), variable.getName(), anonymised(text, values, replacement));
            } else {
                runtime.setVariableLocal(variable.getExecutionId(), variable.getName(),
                        anonymised(text, values, replacement));
            }
            changed++;
        }
        for (var past : engineHistory.createHistoricVariableInstanceQuery().processInstanceIdIn(ids)
                .listPage(0, MAX_ROWS)) {
            if (past.getValue() instanceof String text && mentions(text, values)) {
                engineHistory.deleteHistoricVariableInstance(past.getId());
                changed++;
            }
        }
        return changed;
    }

    private static boolean mentions(String text, List<String> values) {
        return values.stream().anyMatch(text::contains);
    }

    private static String anonymised(String text, List<String> values, String replacement) {
        var result = text;
        for (var value : values) result = result.replace(value, replacement);
        return result;
    }
}
