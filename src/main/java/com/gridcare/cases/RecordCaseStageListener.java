package com.gridcare.cases;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${recordCaseStage}} of model versions deployed before the case record: their user tasks and
 * waiting steps name it as a listener. Every user task and every element with a stage is now recorded
 * by the engine itself (tasks.TaskRecorder, for old versions too), so this does nothing; it is here so
 * that instances still running on such a version keep working.
 */
@Component("recordCaseStage")
class RecordCaseStageListener implements TaskListener, ExecutionListener {

    @Override
    public void notify(DelegateTask task) {
        // recorded by the task recorder
    }

    @Override
    public void notify(DelegateExecution execution) {
        // recorded by the task recorder
    }
}
