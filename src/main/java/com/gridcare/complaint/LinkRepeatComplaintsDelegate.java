package com.gridcare.complaint;

import com.gridcare.kernel.process.CaseVariables;

import com.gridcare.cases.ProcessSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Link earlier complaints": links a repeat complaint to the earlier ones; the third is an escalation. */
@Component("linkRepeatComplaints")
class LinkRepeatComplaintsDelegate implements JavaDelegate {

    private final ProcessSteps steps;
    private final RepeatComplaints repeats;

    LinkRepeatComplaintsDelegate(ProcessSteps steps, RepeatComplaints repeats) {
        this.steps = steps;
        this.repeats = repeats;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var step = steps.of(execution);
        var earlier = repeats.link(step.serviceCase(), execution.getCurrentActivityId());
        if (earlier.size() >= RepeatComplaints.ESCALATE_FROM_EARLIER) {
            step.flag(CaseVariables.ESCALATED);
        }
    }
}
