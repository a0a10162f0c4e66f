package com.gridcare.cases;

import java.util.Map;

/**
 * Values a task's form shows that the process does not keep: computed from the case record and the
 * customer when the form is opened (Tasklist, GridCare's API), never stored. Each feature provides
 * those of its own processes' forms; forms show them in read-only fields or text components.
 */
public interface FormContext {

    /**
     * The values for a task of a process, by form field key; empty when the task is none of this
     * feature's.
     *
     * @param processKey the task's process ({@code complaint-handling}…)
     */
    Map<String, Object> values(CaseStepContext step, String processKey, String taskKey);
}
