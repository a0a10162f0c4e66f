package com.gridcare.testsupport;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;

/** What the job executor (off in tests) would do next: an instance's asynchronous steps, not its timers. */
public final class AsyncSteps {

    private static final int MAX_STEPS = 50;

    /** Executes the instance's due jobs that are not timers (notifications and the like), one at a time. */
    public static void run(ManagementService management, String processInstanceId) {
        for (int step = 0; step < MAX_STEPS; step++) {
            var job = management.createJobQuery().processInstanceId(processInstanceId).executable().list().stream()
                    .filter(j -> !(j instanceof TimerEntity)).findFirst();
            if (job.isEmpty()) return;
            management.executeJob(job.get().getId());
        }
    }

    private AsyncSteps() {
    }
}
