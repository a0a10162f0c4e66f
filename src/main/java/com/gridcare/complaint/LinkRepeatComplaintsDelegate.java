package com.gridcare.complaint;

import static com.gridcare.cases.ProcessVariables.CASE_ID;
import static com.gridcare.cases.ProcessVariables.ESCALATED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Link earlier complaints": links a repeat complaint to the earlier ones; the third is an escalation. */
@Component("linkRepeatComplaints")
class LinkRepeatComplaintsDelegate implements JavaDelegate {

    private final RepeatComplaints repeats;

    LinkRepeatComplaintsDelegate(RepeatComplaints repeats) {
        this.repeats = repeats;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var earlier = repeats.link((String) execution.getVariable(CASE_ID), execution.getCurrentActivityId());
        if (earlier.size() >= RepeatComplaints.ESCALATE_FROM_EARLIER) {
            execution.setVariable(ESCALATED, true);
        }
    }
}
