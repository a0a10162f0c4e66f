package com.gridcare.cases;

import com.gridcare.clock.ClockBindings;
import com.gridcare.clock.SlaClock;
import com.gridcare.clock.SlaWork;
import com.gridcare.kernel.process.CaseVariables;

import java.time.Clock;
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

    /**
     * "Start SLA clocks": the clocks the SLA catalogue gives the case, counted from its receipt. With the
     * input parameter {@code work} (an {@link SlaWork}, e.g. SURVEY_FOLLOW_UP) the clocks of that work
     * instead, counted from now, all of them or those the input {@code clocks} names.
     */
    @Component("startSlaClocks")
    static class Start implements JavaDelegate {
        static final String WORK = "work";

        private final ProcessSteps steps;
        private final CaseSlaFacts slaFacts;
        private final Clock clock;

        Start(ProcessSteps steps, CaseSlaFacts slaFacts, Clock clock) {
            this.steps = steps;
            this.slaFacts = slaFacts;
            this.clock = clock;
        }

        @Override
        public void execute(DelegateExecution execution) {
            var step = steps.of(execution);
            var work = execution.getVariableLocal(WORK);
            var serviceCase = step.serviceCase();
            var facts = slaFacts.of(serviceCase, step.customer());
            if (work == null) {
                step.clocks().start(serviceCase.id(), serviceCase.customerId(), facts, serviceCase.receivedAt().toInstant(),
                        null);
                return;
            }
            try {
                facts.setWork(SlaWork.valueOf(work.toString().strip()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(execution.getCurrentActivityId() + ": '" + WORK + "' is one of "
                        + Arrays.toString(SlaWork.values()) + ", not '" + work + "'");
            }
            var named = named(execution);
            step.clocks().start(serviceCase.id(), serviceCase.customerId(), facts, clock.instant(),
                    named.isEmpty() ? null : named);
        }
    }

    /**
     * Records what happened to clocks: input {@code clocks} and {@code clockState} = WARNED (after a
     * warning timer), BREACHED (after a breach timer; the case is then marked for the Tasklist filter
     * "Escalated") or MET (the work is done).
     */
    @Component("recordSlaClock")
    static class Record implements JavaDelegate {
        private final ProcessSteps steps;

        Record(ProcessSteps steps) {
            this.steps = steps;
        }

        @Override
        public void execute(DelegateExecution execution) {
            var step = steps.of(execution);
            var clocks = step.clocks();
            var caseId = step.caseId();
            var state = execution.getVariableLocal(CLOCK_STATE);
            if (state == null) throw new IllegalStateException(execution.getCurrentActivityId()
                    + " needs the input parameter '" + CLOCK_STATE + "' (WARNED, BREACHED or MET)");
            var named = named(execution);
            if (named.isEmpty()) throw new IllegalStateException(execution.getCurrentActivityId()
                    + " needs the input parameter '" + CLOCKS + "' naming the clocks, e.g. COMPLAINT_RESOLUTION");
            for (var clock : named) {
                switch (state.toString().strip().toUpperCase(Locale.ROOT)) {
                    case "WARNED" -> clocks.warned(caseId, clock);
                    case "BREACHED" -> {
                        clocks.breached(caseId, clock);
                        step.flag(CaseVariables.ESCALATED);
                    }
                    case "MET" -> clocks.met(caseId, clock, execution.getProcessInstanceId());
                    default -> throw new IllegalStateException(execution.getCurrentActivityId() + ": '" + CLOCK_STATE
                            + "' is WARNED, BREACHED or MET, not '" + state + "'");
                }
            }
        }
    }

    /**
     * Pauses clocks while waiting for the customer, and marks the case for the Tasklist filter "Waiting
     * for customer": as a service task, or as a "start" execution listener of the waiting step. Without
     * {@code clocks}, every pausable clock of the case.
     */
    @Component("pauseSlaClocks")
    static class Pause implements JavaDelegate, ExecutionListener {
        private final ProcessSteps steps;

        Pause(ProcessSteps steps) {
            this.steps = steps;
        }

        @Override
        public void execute(DelegateExecution execution) {
            var step = steps.of(execution);
            step.clocks().pause(step.caseId(), named(execution), "waiting for the customer",
                    execution.getProcessInstanceId());
            step.flag(CaseVariables.WAITING_FOR_CUSTOMER);
        }

        @Override
        public void notify(DelegateExecution execution) {
            execute(execution);
        }
    }

    /** Resumes paused clocks, the case no longer waiting (service task, or "end" execution listener of the waiting step). */
    @Component("resumeSlaClocks")
    static class Resume implements JavaDelegate, ExecutionListener {
        private final ProcessSteps steps;

        Resume(ProcessSteps steps) {
            this.steps = steps;
        }

        @Override
        public void execute(DelegateExecution execution) {
            var step = steps.of(execution);
            step.clocks().resume(step.caseId(), named(execution), execution.getProcessInstanceId());
            step.unflag(CaseVariables.WAITING_FOR_CUSTOMER);
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
