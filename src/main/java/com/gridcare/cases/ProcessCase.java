package com.gridcare.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** What the listeners and delegates of the cases feature read from the engine: the case id, the acting user, the task's group. */
final class ProcessCase {

    private ProcessCase() {
    }

    /** The case a process works on: the {@code caseId} variable, else the business key. */
    static String caseId(VariableScope scope, String businessKey) {
        var caseId = scope.getVariable(ProcessVariables.CASE_ID);
        if (caseId instanceof String id && !id.isBlank()) return id;
        if (businessKey != null && !businessKey.isBlank()) return businessKey;
        throw new IllegalStateException("the process has neither a " + ProcessVariables.CASE_ID
                + " variable nor a business key: no case to record on");
    }

    static String caseId(DelegateExecution execution) {
        return caseId(execution, execution.getProcessBusinessKey());
    }

    static String caseId(DelegateTask task) {
        return caseId(task, task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey());
    }

    /** The user acting on the task (Tasklist, GridCare's API), else the assignee, else {@link CaseRecords#SYSTEM}. */
    static String actor(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) return authentication.getUserId();
        return task.getAssignee() != null ? task.getAssignee() : CaseRecords.SYSTEM;
    }

    /** The first candidate group of a task, else null. */
    static String group(DelegateTask task) {
        return task.getCandidates().stream().map(link -> link.getGroupId()).filter(g -> g != null).sorted()
                .findFirst().orElse(null);
    }
}
