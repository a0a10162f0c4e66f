/**
 * Case records (complaints and service requests) kept in step with their process instances, the
 * case history, escalations, and the case API ({@code GET /api/v1/cases/{caseId}},
 * {@code POST /api/v1/cases/{caseId}/withdrawal}).
 *
 * <p>What a process uses (beans for {@code camunda:delegateExpression}; the case is the {@code caseId}
 * variable, else the business key):
 * <ul>
 * <li>{@code ${recordCaseStage}} – task listener on user tasks for {@code create}, {@code assignment},
 * {@code complete} and {@code delete}: the case takes the task's stage (extension property
 * {@code caseStage}, a {@link com.gridcare.cases.CaseStage}), group and assignee; the history gets the
 * step. As an execution listener ({@code start}) on an event or other step with a {@code caseStage}
 * property it only moves the stage (e.g. "waiting for documents").</li>
 * <li>{@code ${recordEscalation}} – task listener ({@code create}) on an escalation task, or a service
 * task for an escalation without a task; extension properties {@code escalationLevel} (1, 2, 3…) and
 * {@code escalationKind} (an {@link com.gridcare.cases.EscalationKind}), optional {@code escalatedTo}.</li>
 * <li>{@code ${closeCase}} – service task with the input parameter {@code caseOutcome} (a
 * {@link com.gridcare.cases.CaseOutcome}).</li>
 * <li>{@code ${closeWithdrawnCase}} – service task after an interrupting message start event
 * ({@value com.gridcare.cases.CaseMessages#CASE_WITHDRAWN}) of a top-level event sub-process.</li>
 * </ul>
 * The SLA clocks in the status answer come from {@link com.gridcare.clock.CaseClocks}.
 */
package com.gridcare.cases;
