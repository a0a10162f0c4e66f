package com.gridcare.cases;

import com.gridcare.kernel.process.CaseReferences;
import com.gridcare.kernel.process.CaseVariables;
import com.gridcare.kernel.process.ProcessVariables;

import com.gridcare.clock.CaseClocks;
import com.gridcare.clock.SlaFacts;
import com.gridcare.customer.Customer;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;

/**
 * What one step of a process works on: its case and the customer (each read once per transaction),
 * the case's clocks, its record and history, and the few variables the process keeps. Every delegate,
 * listener and expression bean of GridCare's processes reaches the case through this; get one from
 * {@link ProcessSteps}. Steps it records are the process's own ({@value CaseRecords#SYSTEM}); a member
 * of staff's steps are their tasks' outcomes, recorded when they complete them.
 */
public final class CaseStepContext {

    private final ProcessSteps services;
    private final VariableScope scope;
    private final DelegateExecution execution;
    private final DelegateTask task;
    private final String caseId;
    private final String customerId;
    private final String activityId;
    private final String activityName;
    private final String taskId;

    CaseStepContext(ProcessSteps services, VariableScope scope, DelegateExecution execution, DelegateTask task,
            String caseId, String customerId, String activityId, String activityName, String taskId) {
        this.services = services;
        this.scope = scope;
        this.execution = execution;
        this.task = task;
        this.caseId = caseId;
        this.customerId = customerId;
        this.activityId = activityId;
        this.activityName = activityName;
        this.taskId = taskId;
    }

    /**
     * The case the process works on. A process without one was started past GridCare's intake (say
     * through {@code /engine-rest}): the starter's mistake, answered 400 there.
     */
    public String caseId() {
        if (caseId == null) {
            throw CaseReferences.withoutCase("the process has neither a " + CaseVariables.CASE_ID
                    + " variable nor a case number as business key: no case at " + activityId);
        }
        return caseId;
    }

    /** Whether the process works on a case (the quarterly account review works on customers). */
    public boolean hasCase() {
        return caseId != null;
    }

    /** Whether the step is work the record keeps: on a case, or on a customer. */
    public boolean isRecorded() {
        return caseId != null || customerId != null;
    }

    public ServiceCase serviceCase() {
        return services.cases().find(caseId()).orElseThrow(() -> CaseReferences.withoutCase("there is no case '" + caseId + "'"));
    }

    public Customer customer() {
        var id = customerId();
        return services.customers().find(id).orElseThrow(() -> new IllegalStateException("no customer " + id));
    }

    /** The customer the step is about: the case's, else the process's {@value CaseVariables#CUSTOMER_ID}. */
    public String customerId() {
        if (caseId != null) return serviceCase().customerId();
        if (customerId != null) return customerId;
        throw CaseReferences.withoutCase("no case and no " + CaseVariables.CUSTOMER_ID + " at " + activityId);
    }

    public CaseClocks clocks() {
        return services.clocks();
    }

    /** The SLA catalogue's view of the case ({@link CaseSlaFacts}), to start clocks with. */
    public SlaFacts slaFacts() {
        return services.slaFacts().of(serviceCase(), customer());
    }

    /** Stage, group, assignee, escalations and the customer-visible history of the case. */
    public CaseRecords records() {
        return services.records();
    }

    /** The case record's steps. */
    public CaseSteps steps() {
        return services.steps();
    }

    /** The process instance the step belongs to. */
    public String processInstanceId() {
        return execution == null ? null : execution.getProcessInstanceId();
    }

    /** The BPMN element of the step. */
    public String activityId() {
        return activityId;
    }

    /** The execution of a delegate or execution listener (null for a task listener's task without one). */
    public DelegateExecution execution() {
        return execution;
    }

    /** Writes a step the process took itself (routing, documents asked for, a goodwill decision within the limit…). */
    public CaseStep record(StepKind kind, Map<String, Object> details) {
        return record(kind, CaseRecords.SYSTEM, null, details);
    }

    /**
     * Writes what a member of staff did on the step's task (its creation, assignment or outcome): by the
     * user acting, for the task's group.
     */
    public CaseStep recordTask(StepKind kind, Map<String, Object> details) {
        return record(kind, actor(), taskGroup(), details);
    }

    /** Writes a step by someone else than the process or the task's user (e.g. the channel that sent the documents). */
    public CaseStep record(StepKind kind, String actor, String group, Map<String, Object> details) {
        return services.steps().append(new CaseStep.New(caseId, customerId(), processInstanceId(), kind, activityId,
                activityName, taskId, actor, group, details));
    }

    /** The user acting on the step's task (Tasklist, GridCare's API), else its assignee, else {@value CaseRecords#SYSTEM}. */
    public String actor() {
        if (task == null) return CaseRecords.SYSTEM;
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) return authentication.getUserId();
        return task.getAssignee() != null ? task.getAssignee() : CaseRecords.SYSTEM;
    }

    /** The group the step's task is for (its first candidate group), else null. */
    public String taskGroup() {
        if (task == null) return null;
        return task.getCandidates().stream().map(link -> link.getGroupId()).filter(g -> g != null).sorted()
                .findFirst().orElse(null);
    }

    /** The task of a task listener's step, else null. */
    public DelegateTask task() {
        return task;
    }

    /** The latest step of one of the kinds on this case. */
    public Optional<CaseStep> latest(StepKind... kinds) {
        return services.steps().latest(caseId(), kinds);
    }

    /** A variable the process keeps (or a transient one of this transaction, e.g. a task's outcome). */
    public Object variable(String name) {
        return scope.getVariable(name);
    }

    /**
     * Marks the case for a Tasklist filter ({@link CaseVariables#ESCALATED} and the like): a variable
     * on the process instance, true while it holds. Absent when it does not: filters ask for true.
     */
    public void flag(String name) {
        processInstance().setVariableLocal(name, true);
    }

    /**
     * Hands a value to the gateways and steps up to the process's next wait state, as a transient
     * variable of the process instance: never stored (e.g. whether documents are missing).
     */
    public void pass(String name, Object value) {
        processInstance().setVariableLocal(name, Variables.untypedValue(value, true));
    }

    /** Sets a variable the process keeps ({@link ProcessVariables#KEPT}) on the process instance. */
    public void keep(String name, Object value) {
        if (!ProcessVariables.KEPT.contains(name)) {
            throw new IllegalArgumentException(name + " is not a variable processes keep (" + ProcessVariables.KEPT + ")");
        }
        processInstance().setVariableLocal(name, value);
    }

    /** The mark no longer holds (e.g. the customer answered). */
    public void unflag(String name) {
        processInstance().removeVariableLocal(name);
    }

    private DelegateExecution processInstance() {
        if (execution == null) throw new IllegalStateException("no process instance at " + activityId);
        return execution.getProcessInstance();
    }
}
