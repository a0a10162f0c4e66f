package com.gridcare.rules.runtime;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.command.Command;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.internal.command.CommandFactory;

/**
 * How GridCare runs a rule package: one subject in a stateless session (with the fired rules
 * recorded, for the decision log), or many subjects sharing sessions when the package's examples
 * showed that this gives the same answers. Every run is capped at a number of rule firings.
 */
public final class RuleSessions {

    /** Subjects per session when deciding many at once. */
    public static final int BATCH = 1000;

    /** Thrown when the cap is hit: a rule probably loops. */
    public static final class LoopCapException extends RuntimeException {
        private final int fired;
        private final List<String> last;

        LoopCapException(int fired, List<String> last) {
            super("fired " + fired + " times, the cap: a rule probably loops" + (last.isEmpty() ? "" : "; last fired " + last));
            this.fired = fired;
            this.last = last;
        }

        public int fired() {
            return fired;
        }

        public List<String> last() {
            return last;
        }
    }

    private RuleSessions() {
    }

    /** Decides for one subject; the names of the rules that fired, in firing order. */
    public static List<String> runOne(RuleSet ruleSet, String rulePackage, List<?> facts, int maxFirings) {
        var fired = new ArrayList<String>();
        var session = ruleSet.kieBase(rulePackage).newStatelessKieSession();
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        });
        List<Command<?>> commands = List.of(CommandFactory.newInsertElements(facts),
                CommandFactory.newFireAllRules(maxFirings));
        session.execute(CommandFactory.newBatchExecution(commands));
        if (fired.size() >= maxFirings) {
            throw new LoopCapException(fired.size(), List.copyOf(fired.subList(Math.max(0, fired.size() - 3), fired.size())));
        }
        return fired;
    }

    /** Decides for many subjects: {@value #BATCH} per session when the package is batch safe, else one each. */
    public static void runAll(RuleSet ruleSet, String rulePackage, List<?> subjects, int maxFirings) {
        if (!ruleSet.batchSafe().contains(rulePackage)) {
            for (var subject : subjects) runOne(ruleSet, rulePackage, List.of(subject), maxFirings);
            return;
        }
        var kieBase = ruleSet.kieBase(rulePackage);
        for (int from = 0; from < subjects.size(); from += BATCH) {
            var chunk = subjects.subList(from, Math.min(subjects.size(), from + BATCH));
            var session = kieBase.newKieSession();
            try {
                chunk.forEach(session::insert);
                int cap = maxFirings * chunk.size();
                int fired = session.fireAllRules(cap);
                if (fired >= cap) throw new LoopCapException(fired, List.of());
            } finally {
                session.dispose();
            }
        }
    }
}
