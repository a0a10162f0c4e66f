package com.gridcare.tasks;


import com.gridcare.kernel.process.CaseVariables;

import com.gridcare.cases.CaseRepository;
import com.gridcare.cases.ServiceCase;
import com.gridcare.customer.Customer;
import com.gridcare.customer.CustomerRepository;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.VariableInstanceQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The values Tasklist shows on a task card (case number, customer, category, tier: the columns of
 * {@code TasklistFilters}), computed from the case when Tasklist lists a filter's tasks instead of
 * being copied onto every task. Tasklist asks for a page's card values with one variable query by the
 * page's task, execution and process instance ids; this answers it for the tasks among them the caller
 * may read, as if each task had them as its own variables. Nothing is stored.
 */
@Component
class TaskCardValues extends AbstractProcessEnginePlugin {

    static final String CUSTOMER_NAME = "customerName";
    static final String CATEGORY = "category";
    static final Set<String> NAMES = Set.of(CaseVariables.CASE_ID, CUSTOMER_NAME, CATEGORY, CaseVariables.TIER);

    private final ObjectProvider<ProcessEngine> engine;
    private final ObjectProvider<CaseRepository> cases;
    private final ObjectProvider<CustomerRepository> customers;

    TaskCardValues(ObjectProvider<ProcessEngine> engine, ObjectProvider<CaseRepository> cases,
            ObjectProvider<CustomerRepository> customers) {
        this.engine = engine;
        this.cases = cases;
        this.customers = customers;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandAnswers.amend(configuration, (command, result) -> {
            if (command instanceof VariableInstanceQueryImpl query && result instanceof List<?> found
                    && asksForCards(query)) {
                var all = new ArrayList<Object>(found);
                all.addAll(cards(query));
                return all;
            }
            return result;
        });
    }

    /** Tasklist's query: card names by variable scope ids (tasks, executions, instances), nothing else. */
    private static boolean asksForCards(VariableInstanceQueryImpl query) {
        return query.getVariableScopeIds() != null && query.getVariableNames() != null
                && query.getProcessInstanceIds() == null && query.getTaskIds() == null
                && Arrays.stream(query.getVariableNames()).anyMatch(NAMES::contains);
    }

    private List<VariableInstance> cards(VariableInstanceQueryImpl query) {
        var wanted = Arrays.stream(query.getVariableNames()).filter(NAMES::contains).collect(Collectors.toSet());
        var scopeIds = query.getVariableScopeIds();
        var services = engine.getObject();
        // the tasks among the ids the caller may read (the query runs with the caller's authorizations)
        List<Task> tasks = services.getTaskService().createTaskQuery().taskIdIn(scopeIds).listPage(0, scopeIds.length);
        if (tasks.isEmpty()) return List.of();
        var instanceIds = tasks.stream().map(Task::getProcessInstanceId).filter(id -> id != null)
                .collect(Collectors.toSet());
        var caseOfInstance = new HashMap<String, String>();
        var commandContext = Context.getCommandContext();
        commandContext.disableAuthorizationCheck();
        try {
            // which case each task is for: its process's caseId (staff may read their tasks, not the instances)
            for (var variable : services.getRuntimeService().createVariableInstanceQuery()
                    .processInstanceIdIn(instanceIds.toArray(String[]::new)).variableName(CaseVariables.CASE_ID)
                    .listPage(0, instanceIds.size() * 4)) {
                if (variable.getValue() instanceof String caseId && variable.getExecutionId() != null
                        && variable.getExecutionId().equals(variable.getProcessInstanceId())) {
                    caseOfInstance.put(variable.getProcessInstanceId(), caseId);
                }
            }
        } finally {
            commandContext.enableAuthorizationCheck();
        }
        Map<String, ServiceCase> byCase = cases.getObject().findAll(new HashSet<>(caseOfInstance.values())).stream()
                .collect(Collectors.toMap(ServiceCase::id, Function.identity()));
        Map<String, Customer> byCustomer = customers.getObject().findAll(byCase.values().stream()
                .map(ServiceCase::customerId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Customer::id, Function.identity()));
        var cards = new ArrayList<VariableInstance>();
        for (var task : tasks) {
            var serviceCase = byCase.get(caseOfInstance.get(task.getProcessInstanceId()));
            if (serviceCase == null) continue;
            var customer = byCustomer.get(serviceCase.customerId());
            var values = new HashMap<String, String>();
            values.put(CaseVariables.CASE_ID, serviceCase.id());
            values.put(CATEGORY, serviceCase.category());
            if (customer != null) values.put(CUSTOMER_NAME, customer.name());
            var tier = serviceCase.tier() != null ? serviceCase.tier()
                    : customer != null && customer.tier() != null ? customer.tier().name() : null;
            if (tier != null) values.put(CaseVariables.TIER, tier);
            values.forEach((name, value) -> {
                if (!wanted.contains(name)) return;
                var card = new VariableInstanceEntity(name, Variables.stringValue(value), false);
                card.setTaskId(task.getId());
                card.setExecutionId(task.getExecutionId());
                card.setProcessInstanceId(task.getProcessInstanceId());
                card.setProcessDefinitionId(task.getProcessDefinitionId());
                cards.add(card);
            });
        }
        return cards;
    }
}
