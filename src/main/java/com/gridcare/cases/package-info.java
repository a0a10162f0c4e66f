/**
 * Cases (complaints and service requests) and their record: the case row kept in step with its process
 * instance, the case history, escalations, and every step of the work ({@code case_step}, append-only,
 * {@link com.gridcare.cases.CaseSteps}); the case API ({@code GET /api/v1/cases/{caseId}},
 * {@code POST /api/v1/cases/{caseId}/withdrawal}), the staff view of the record
 * ({@code GET /api/v1/cases/{caseId}/record}) and the root-cause report
 * ({@code GET /api/v1/reports/root-causes}). Only this package reads or writes the case tables; other
 * features call {@link com.gridcare.cases.CaseRepository}, {@link com.gridcare.cases.CaseRecords},
 * {@link com.gridcare.cases.CaseSteps} (see {@code docs/case-record.md}).
 *
 * <p>A process step (delegate, listener, expression bean) gets its case, customer, clocks and record
 * through {@link com.gridcare.cases.ProcessSteps#of} as a {@link com.gridcare.cases.CaseStepContext}.
 * User tasks need no listeners in the models: {@code tasks.TaskRecorder} records every user task's
 * creation, assignment, completion (the outcome as a step of the task's {@code caseStep} kind) and
 * cancellation, and moves the case to the task's {@code caseStage}. What a process uses:
 * <ul>
 * <li>{@code ${recordEscalation}} – task listener ({@code create}) on an escalation task, or a service
 * task for an escalation without a task; extension properties {@code escalationLevel} (1, 2, 3…) and
 * {@code escalationKind} (an {@link com.gridcare.cases.EscalationKind}), optional {@code escalatedTo}.</li>
 * <li>{@code ${evaluateCustomer}} – intake: tier and flags by the customer rules, recorded.</li>
 * <li>{@code ${record.value(execution, 'field')}} – a field of the latest step that has it (e.g. the
 * resolution to tell the customer).</li>
 * <li>{@code ${closeCase}} – service task with the input parameter {@code caseOutcome} (a
 * {@link com.gridcare.cases.CaseOutcome}).</li>
 * <li>{@code ${closeWithdrawnCase}} – service task after an interrupting message start event
 * ({@value com.gridcare.cases.CaseMessages#CASE_WITHDRAWN}) of a top-level event sub-process.</li>
 * </ul>
 * {@code ${recordCaseStage}} is kept, doing nothing, for process versions deployed before the record.
 * The SLA clocks in the status answer come from {@link com.gridcare.clock.CaseClocks}.
 */
package com.gridcare.cases;
