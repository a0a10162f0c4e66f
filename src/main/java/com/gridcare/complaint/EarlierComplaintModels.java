package com.gridcare.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Listeners that {@code complaint-handling} versions deployed before the case record name. The case
 * record does their work now (the contact log is the record's contact steps; the Tasklist filter
 * marks are set when they hold), so they do nothing; they are here so that instances still running
 * on such a version keep working.
 */
final class EarlierComplaintModels {

    private EarlierComplaintModels() {
    }

    @Component("initialiseComplaint")
    static class InitialiseComplaint implements ExecutionListener {
        @Override
        public void notify(DelegateExecution execution) {
            // the filter marks are set when they hold; the reopen count is in the record
        }
    }

    @Component("recordContactAttempt")
    static class RecordContactAttempt implements TaskListener {
        @Override
        public void notify(DelegateTask task) {
            // the contact is a step of the record, written when the task completes
        }
    }
}
