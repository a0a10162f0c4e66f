package com.gridcare.cases;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps a case record in step with its process: stage, group, assignee, escalations, status and
 * outcome, each change written to the case's history in English and Chinese. Customer-visible
 * entries are the steps the customer hears about; internal ones are for staff and audit. Every
 * method works in the caller's transaction (the engine's, when a listener or delegate calls it), so
 * a step that rolls back leaves no trace here either.
 */
@Service
public class CaseRecords {

    /** Who did something when no person did. */
    public static final String SYSTEM = "system";

    private final CaseRepository cases;
    private final CaseHistory history;
    private final CaseSteps steps;
    private final Clock clock;

    CaseRecords(CaseRepository cases, CaseHistory history, CaseSteps steps, Clock clock) {
        this.cases = cases;
        this.history = history;
        this.steps = steps;
        this.clock = clock;
    }

    /** The case of a process step; a step without its case is a fault, not a client mistake. */
    public ServiceCase get(String caseId) {
        return cases.find(caseId).orElseThrow(() -> new IllegalStateException("no case " + caseId));
    }

    /** The case moves to a stage; the customer hears of it when it is a new stage for an open case. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enterStage(String caseId, CaseStage stage) {
        var now = now();
        if (!cases.recordStage(caseId, stage.name(), now)) {
            return false;
        }
        history.add(caseId, now, CaseEventType.STAGE_CHANGED, true, stage.name(),
                "Your case is now at this step: " + stage.en() + ".", "您的工单当前进度：" + stage.zh() + "。",
                SYSTEM, null);
        return true;
    }

    /** A task of the case was created: the case is at the task's stage (if it names one), with the task's group. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void taskCreated(String caseId, CaseStage stage, String group, String assignee) {
        if (stage != null) {
            enterStage(caseId, stage);
        }
        cases.recordWork(caseId, group, assignee, now());
    }

    /** A task of the case was claimed or given to someone (assignee), or returned to its group (null). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void taskAssigned(String caseId, String assignee) {
        cases.recordWork(caseId, null, assignee, now());
    }

    /** A task of the case was completed or cancelled: nobody works on the case until the next task. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void taskDone(String caseId) {
        cases.recordWork(caseId, null, null, now());
    }

    /**
     * Records an escalation: its own record, the case's highest level, an internal history entry.
     *
     * @param escalatedTo the group or person who now has to act
     * @param taskId the task the escalation raised, if any
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void escalate(String caseId, int level, EscalationKind kind, String escalatedTo, String taskId,
            String activityId) {
        if (level < 1) {
            throw new IllegalArgumentException("escalation level must be 1 or more, was " + level);
        }
        var now = now();
        history.addEscalation(caseId, level, kind, now, escalatedTo, taskId, activityId);
        cases.raiseEscalationLevel(caseId, level, now);
        history.add(caseId, now, CaseEventType.ESCALATED, false, null,
                "Escalated to %s: %s (level %d).".formatted(escalatedTo, kind, level),
                "已升级至 %s：%s（第 %d 级）。".formatted(escalatedTo, kind, level), SYSTEM, taskId);
    }

    /** Closes the case with an outcome; @return false when it was already closed or withdrawn. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean close(String caseId, CaseOutcome outcome) {
        if (outcome == CaseOutcome.WITHDRAWN) {
            return withdraw(caseId);
        }
        var now = now();
        if (!cases.close(caseId, CaseStatus.CLOSED, outcome.name(), now)) {
            return false;
        }
        history.add(caseId, now, CaseEventType.CLOSED, true, CaseStage.CLOSED.name(),
                "Your case %s is closed: %s.".formatted(caseId, outcome.en()),
                "您的工单 %s 已办结：%s。".formatted(caseId, outcome.zh()), SYSTEM, null);
        return true;
    }

    /** The customer asked to withdraw; @return false when the case is not open or a withdrawal is already asked. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean requestWithdrawal(String caseId, String reason, String by) {
        var now = now();
        if (!cases.requestWithdrawal(caseId, reason, now)) {
            return false;
        }
        history.add(caseId, now, CaseEventType.WITHDRAWAL_REQUESTED, true, null,
                "You asked us to withdraw case %s.".formatted(caseId), "您已申请撤销工单 %s。".formatted(caseId), by,
                null);
        return true;
    }

    /** Closes the case as withdrawn; @return false when it was already closed or withdrawn. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean withdraw(String caseId) {
        var now = now();
        if (!cases.close(caseId, CaseStatus.WITHDRAWN, CaseOutcome.WITHDRAWN.name(), now)) {
            return false;
        }
        history.add(caseId, now, CaseEventType.WITHDRAWN, true, CaseStage.WITHDRAWN.name(),
                "Case %s is withdrawn at your request.".formatted(caseId),
                "工单 %s 已按您的要求撤销。".formatted(caseId), SYSTEM, null);
        return true;
    }

    /** Any other entry of the history (e.g. a message sent to the customer). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String caseId, CaseEventType type, boolean customerVisible, String textEn, String textZh,
            String actor, String taskId) {
        history.add(caseId, now(), type, customerVisible, null, textEn, textZh, actor, taskId);
    }

    /** The history, oldest first: customer-visible entries only, or everything for staff. */
    public List<CaseEvent> history(String caseId, boolean includeInternal) {
        return history.events(caseId, includeInternal);
    }

    public List<CaseEscalation> escalations(String caseId) {
        return history.escalations(caseId);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
