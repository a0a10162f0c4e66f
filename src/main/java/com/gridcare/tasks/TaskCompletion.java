package com.gridcare.tasks;

import com.gridcare.kernel.process.CaseVariables;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.api.ConflictException;
import com.gridcare.api.ForbiddenException;
import com.gridcare.api.InvalidFieldException;
import com.gridcare.api.NotFoundException;
import com.gridcare.security.ApiUser;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Completes a user task for a member of staff: only its assignee or a member of one of its
 * candidate groups (or a candidate user) may; the submitted variables are checked against the
 * task's Camunda Form first. Two people completing one task at once: one succeeds, the other is
 * told the task was completed already (409), and the loser's input changes nothing.
 */
@Service
public class TaskCompletion {

    /** What GridCare's API answers after a completion. */
    public record Completed(String taskId, String taskName, String caseId, String processInstanceId,
            String completedBy, OffsetDateTime completedAt) {}

    /** SQL states of lock and serialization conflicts (PostgreSQL, H2), answered like an optimistic lock. */
    private static final Set<String> CONCURRENCY_STATES = Set.of("40001", "40P01", "55P03", "HYT00");
    /** H2's "concurrent update" error code. */
    private static final int H2_CONCURRENT_UPDATE = 90131;

    private final CommandExecutor commands;
    private final TaskService tasks;
    private final TaskForms forms;
    private final FormService formService;
    private final HistoryService history;
    private final FormSubmission submission;
    private final Clock clock;
    private final TransactionTemplate fresh;

    TaskCompletion(ProcessEngine engine, TaskService tasks, TaskForms forms, FormService formService,
            HistoryService history, ObjectMapper json,
            Clock clock, PlatformTransactionManager transactionManager) {
        this.commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        this.fresh = new TransactionTemplate(transactionManager);
        this.fresh.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.fresh.setReadOnly(true);
        this.tasks = tasks;
        this.forms = forms;
        this.formService = formService;
        this.history = history;
        this.submission = new FormSubmission(json);
        this.clock = clock;
    }

    /**
     * @throws NotFoundException no such task ever existed
     * @throws ConflictException the task is completed or cancelled, or was completed at the same moment
     * @throws ForbiddenException the user is neither its assignee nor a candidate
     * @throws InvalidFieldException a variable does not fit the form
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Completed complete(String taskId, Map<String, Object> submitted, ApiUser user) {
        try {
            // one engine command: the engine calls inside it share its entity cache, so the task, its
            // candidates, execution and variables are read once instead of once per call (issue 8)
            var attempt = commands.execute(context -> attempt(taskId, submitted, user));
            if (attempt.invalid() != null) throw attempt.invalid();
            if (attempt.refusal() == Refusal.NOT_OPEN) throw gone(taskId);
            if (attempt.refusal() == Refusal.NOT_CANDIDATE) {
                if (!stillOpen(taskId)) throw gone(taskId);
                throw new ForbiddenException("User " + user.id() + " is neither the assignee of task " + taskId
                        + " nor in one of its candidate groups");
            }
            return attempt.completed();
        } catch (InvalidFieldException | ForbiddenException | ConflictException | NotFoundException e) {
            throw e;
        } catch (RuntimeException e) {
            // a task listener may refuse the completion naming a field; the engine wraps what it throws
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof InvalidFieldException invalid) throw invalid;
            }
            // when another completion commits between two of our engine calls, the engine answers
            // "task doesn't exist", an optimistic-locking failure, or even a NullPointerException
            if (isConcurrencyFailure(e)) throw completedMeanwhile(taskId);
            if (!stillOpen(taskId)) throw gone(taskId);
            throw e;
        }
    }

    private enum Refusal { NOT_OPEN, NOT_CANDIDATE }

    /**
     * The task completed, or why not. Refusals are answered after the command (a not-open task from a
     * fresh transaction), so the engine neither logs them as its failures nor runs more SQL inside.
     */
    private record Attempt(Completed completed, Refusal refusal, InvalidFieldException invalid) {}

    private Attempt attempt(String taskId, Map<String, Object> submitted, ApiUser user) {
        var task = tasks.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
        if (task == null) return new Attempt(null, Refusal.NOT_OPEN, null);
        if (!mayComplete(task, user)) return new Attempt(null, Refusal.NOT_CANDIDATE, null);
        var form = forms.of(task);
        // a read-only field may come back as the form showed it: its context, read only when one does
        Map<String, Object> current = form != null && submitted.keySet().stream()
                .anyMatch(key -> form.fields().containsKey(key) && form.fields().get(key).readOnly())
                ? formService.getTaskFormVariables(taskId) : Map.of();
        Map<String, Object> variables;
        try {
            variables = submission.validate(form, submitted, current);
            // the step the completion writes is checked too (its listener would refuse it inside the engine)
            var kind = TaskSteps.kindOf(taskId);
            if (!kind.fields().isEmpty()) {
                var outcome = new HashMap<String, Object>();
                for (var name : kind.fields()) {
                    if (variables.get(name) != null) outcome.put(name, variables.get(name));
                }
                kind.check(outcome);
            }
        } catch (InvalidFieldException invalid) {
            return new Attempt(null, null, invalid);
        }
        var caseId = tasks.getVariable(taskId, CaseVariables.CASE_ID);
        tasks.complete(taskId, variables);
        return new Attempt(new Completed(taskId, task.getName(), caseId == null ? null : caseId.toString(),
                task.getProcessInstanceId(), user.id(), OffsetDateTime.now(clock)), null, null);
    }

    /** Whether the task is open as committed now, seen from a fresh transaction (ours may be spoilt). */
    private boolean stillOpen(String taskId) {
        return Boolean.TRUE.equals(fresh.execute(tx -> tasks.createTaskQuery().taskId(taskId).count() > 0));
    }

    private boolean mayComplete(Task task, ApiUser user) {
        if (user.id().equals(task.getAssignee())) {
            return true;
        }
        for (var link : tasks.getIdentityLinksForTask(task.getId())) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) continue;
            if (link.getGroupId() != null && user.groups().contains(link.getGroupId())) return true;
            if (user.id().equals(link.getUserId())) return true;
        }
        return false;
    }

    /** No open task: completed or cancelled earlier (409), or never there (404). */
    private RuntimeException gone(String taskId) {
        var past = fresh.execute(tx -> history.createHistoricTaskInstanceQuery().taskId(taskId).singleResult());
        if (past == null) {
            return new NotFoundException("taskId: no task " + taskId);
        }
        if ("completed".equals(past.getDeleteReason())) {
            return new ConflictException("Task " + taskId + " (" + past.getName() + ") was already completed"
                    + (past.getAssignee() == null ? "" : " by " + past.getAssignee()) + "; nothing was changed");
        }
        return new ConflictException("Task " + taskId + " (" + past.getName()
                + ") is no longer open (the case moved on or was withdrawn); nothing was changed");
    }

    private static ConflictException completedMeanwhile(String taskId) {
        return new ConflictException("Task " + taskId + " was completed or changed by someone else at the same time;"
                + " your input was not saved. Reload the task list.");
    }

    private static boolean isConcurrencyFailure(Throwable e) {
        for (var t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockingException || t instanceof ConcurrencyFailureException) return true;
            if (t instanceof SQLException sql && (CONCURRENCY_STATES.contains(sql.getSQLState())
                    || sql.getErrorCode() == H2_CONCURRENT_UPDATE)) {
                return true;
            }
            if (t.getCause() == t) break;
        }
        return false;
    }
}
