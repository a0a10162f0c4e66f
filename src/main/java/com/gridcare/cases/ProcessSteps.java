package com.gridcare.cases;

import com.gridcare.kernel.process.CaseReferences;
import com.gridcare.kernel.process.CaseVariables;

import com.gridcare.clock.CaseClocks;
import com.gridcare.customer.CustomerRepository;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Where every process step of GridCare gets its {@link CaseStepContext}: delegates and execution
 * listeners from their execution, task listeners from their task, expression beans from the
 * {@code execution} (or {@code task}) the model passes them.
 */
@Component
public class ProcessSteps {

    private final CaseRepository cases;
    private final CustomerRepository customers;
    private final CaseRecords records;
    private final CaseSteps steps;
    private final ObjectProvider<CaseClocks> clocks;
    private final ObjectProvider<CaseSlaFacts> slaFacts;

    ProcessSteps(CaseRepository cases, CustomerRepository customers, CaseRecords records, CaseSteps steps,
            ObjectProvider<CaseClocks> clocks, ObjectProvider<CaseSlaFacts> slaFacts) {
        this.slaFacts = slaFacts;
        this.cases = cases;
        this.customers = customers;
        this.records = records;
        this.steps = steps;
        this.clocks = clocks;
    }

    public CaseStepContext of(DelegateExecution execution) {
        return new CaseStepContext(this, execution, execution, null,
                caseId(execution, execution.getProcessBusinessKey()), customerId(execution),
                execution.getCurrentActivityId(), execution.getCurrentActivityName(), null);
    }

    public CaseStepContext of(DelegateTask task) {
        var execution = task.getExecution();
        return new CaseStepContext(this, task, execution, task,
                caseId(task, execution == null ? null : execution.getProcessBusinessKey()), customerId(task),
                task.getTaskDefinitionKey(), task.getName(), task.getId());
    }

    /** For an expression bean: the model passes {@code execution} (or {@code task}). */
    public CaseStepContext of(VariableScope scope) {
        if (scope instanceof DelegateTask task) return of(task);
        if (scope instanceof DelegateExecution execution) return of(execution);
        throw new IllegalArgumentException("pass the expression's execution or task, not " + scope);
    }

    /** The case of a process: its {@code caseId} variable, else its business key when that is a case number. */
    static String caseId(VariableScope scope, String businessKey) {
        return CaseReferences.caseIdOf(scope, businessKey);
    }

    private static String customerId(VariableScope scope) {
        return scope.getVariable(CaseVariables.CUSTOMER_ID) instanceof String id ? id : null;
    }

    CaseRepository cases() {
        return cases;
    }

    CustomerRepository customers() {
        return customers;
    }

    CaseRecords records() {
        return records;
    }

    CaseSteps steps() {
        return steps;
    }

    CaseSlaFacts slaFacts() {
        return slaFacts.getObject();
    }

    CaseClocks clocks() {
        return clocks.getObject();
    }
}
