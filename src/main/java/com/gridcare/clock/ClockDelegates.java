package com.gridcare.clock;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The thin steps through which processes use the case clocks. Which clocks a step concerns is an
 * input parameter of the step ({@code clocks}: clock names, comma separated), so that a designer
 * sees it in the Modeler's "Inputs" panel.
 */
final class ClockDelegates {

    static final String CLOCKS = "clocks";
    static final String CLOCK_STATE = "clockState";

    private ClockDelegates() {
    }

    /** "Start SLA clocks": the clocks the SLA catalogue gives the case. */
    @Component("startSlaClocks")
    static class Start implements JavaDelegate {
        private final CaseClocks clocks;

        Start(CaseClocks clocks) {
            this.clocks = clocks;
        }

        @Override
        public void execute(DelegateExecution execution) {
            clocks.start(SlaClockExpressions.caseId(execution));
        }
    }

    /**
     * Records what happened to clocks: input {@code clocks} and {@code clockState} = WARNED (after a
     * warning timer), BREACHED (after a breach timer) or MET (the work is done).
     */
    @Component("recordSlaClock")
    static class Record implements JavaDelegate {
        private final CaseClocks clocks;

        Record(CaseClocks clocks) {
            this.clocks = clocks;
        }

        @Override
        public void execute(DelegateExecution execution) {
            var caseId = SlaClockExpressions.caseId(execution);
            var state = execution.getVariableLocal(CLOCK_STATE);
            if (state == null) throw new IllegalStateException(execution.getCurrentActivityId()
                    + " needs the input parameter '" + CLOCK_STATE + "' (WARNED, BREACHED or MET)");
            var named = named(execution);
            if (named.isEmpty()) throw new IllegalStateException(execution.getCurrentActivityId()
                    + " needs the input parameter '" + CLOCKS + "' naming the clocks, e.g. COMPLAINT_RESOLUTION");
            for (var clock : named) {
                switch (state.toString().strip().toUpperCase(Locale.ROOT)) {
                    case "WARNED" -> clocks.warned(caseId, clock);
                    case "BREACHED" -> clocks.breached(caseId, clock);
                    case "MET" -> clocks.met(caseId, clock, execution.getProcessInstanceId());
                    default -> throw new IllegalStateException(execution.getCurrentActivityId() + ": '" + CLOCK_STATE
                            + "' is WARNED, BREACHED or MET, not '" + state + "'");
                }
            }
        }
    }

    /**
     * Pauses clocks while waiting for the customer: as a service task, or as a "start" execution
     * listener of the waiting step. Without {@code clocks}, every pausable clock of the case.
     */
    @Component("pauseSlaClocks")
    static class Pause implements JavaDelegate, ExecutionListener {
        private final CaseClocks clocks;

        Pause(CaseClocks clocks) {
            this.clocks = clocks;
        }

        @Override
        public void execute(DelegateExecution execution) {
            clocks.pause(SlaClockExpressions.caseId(execution), named(execution), "waiting for the customer",
                    execution.getProcessInstanceId());
        }

        @Override
        public void notify(DelegateExecution execution) {
            execute(execution);
        }
    }

    /** Resumes paused clocks (service task, or "end" execution listener of the waiting step). */
    @Component("resumeSlaClocks")
    static class Resume implements JavaDelegate, ExecutionListener {
        private final CaseClocks clocks;

        Resume(CaseClocks clocks) {
            this.clocks = clocks;
        }

        @Override
        public void execute(DelegateExecution execution) {
            clocks.resume(SlaClockExpressions.caseId(execution), named(execution), execution.getProcessInstanceId());
        }

        @Override
        public void notify(DelegateExecution execution) {
            execute(execution);
        }
    }

    static List<SlaClock> named(DelegateExecution execution) {
        var value = execution.getVariableLocal(CLOCKS);
        if (value == null || value.toString().isBlank()) return List.of();
        return Arrays.stream(value.toString().split("[,\\s]+")).filter(s -> !s.isBlank())
                .map(s -> ClockBindings.clockNamed(s.strip(), execution.getCurrentActivityId())).toList();
    }
}
