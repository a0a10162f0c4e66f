package com.gridcare.clock;

import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.springframework.stereotype.Component;

/**
 * Suspends, moves and reactivates a clock's timer jobs. Done on the job entity in one command
 * (not with ManagementService's suspend/activate, which are bulk updates): a timer is often
 * suspended or reactivated and given a new due date in the same transaction, and a bulk update
 * beside an entity update of the same job fails that transaction with an optimistic-locking error.
 */
@Component
class TimerJobs {

    private final ProcessEngineConfigurationImpl engine;

    TimerJobs(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    void suspend(String jobId) {
        engine.getCommandExecutorTxRequired().execute(context -> {
            var job = context.getJobManager().findJobById(jobId);
            if (job != null) job.setSuspensionState(SuspensionState.SUSPENDED.getStateCode());
            return null;
        });
    }

    /** A new due date; the job runs again unless it is suspended and {@code activate} is false. */
    void move(String jobId, Date dueDate, boolean activate) {
        engine.getCommandExecutorTxRequired().execute(context -> {
            var job = context.getJobManager().findJobById(jobId);
            if (job == null) return null;
            if (dueDate != null) job.setDuedate(dueDate);
            if (activate) job.setSuspensionState(SuspensionState.ACTIVE.getStateCode());
            return null;
        });
    }
}
