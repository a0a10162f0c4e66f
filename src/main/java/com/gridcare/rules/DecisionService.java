package com.gridcare.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kie.api.command.Command;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.internal.command.CommandFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Runs a rule package over a set of facts in a stateless session and records the decision. Thread
 * safe: every call takes the live rule set once and works on its own session. (Bean name differs
 * from Camunda's DMN {@code decisionService}.)
 */
@Service("ruleDecisionService")
public class DecisionService {

    /** Who or what a decision is about, for the decision log. */
    public record Subject(String type, String id, String customerId) {
        public static Subject customer(String customerId) {
            return new Subject("CUSTOMER", customerId, customerId);
        }

        public static Subject caseOf(String caseId, String customerId) {
            return new Subject("CASE", caseId, customerId);
        }
    }

    private final RuleRuntime rules;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final int maxFirings;

    DecisionService(RuleRuntime rules, JdbcClient jdbc, ObjectMapper json,
            @Value("${gridcare.rules.max-firings:1000}") int maxFirings) {
        this.rules = rules;
        this.jdbc = jdbc;
        this.json = json;
        this.maxFirings = maxFirings;
    }

    /** The names of the rules that fired, in firing order. */
    public List<String> run(RuleSet ruleSet, String rulePackage, List<?> facts) {
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
        try {
            session.execute(CommandFactory.newBatchExecution(commands));
        } catch (RuntimeException e) {
            throw new RuleEvaluationException("rule package '" + rulePackage + "' (rules " + ruleSet.version()
                    + ") failed: " + rootMessage(e), e);
        }
        if (fired.size() >= maxFirings) {
            throw new RuleEvaluationException("rule package '" + rulePackage + "' (rules " + ruleSet.version()
                    + ") fired " + fired.size() + " times, the cap: a rule probably loops; last fired "
                    + fired.subList(Math.max(0, fired.size() - 3), fired.size()), null);
        }
        return fired;
    }

    /**
     * Decides with the live rules and records the decision.
     *
     * @param input the facts the rules read, recorded as the decision's inputs
     * @param output the result fact the rules fill in, recorded as its outputs
     */
    public <T> Decision<T> decide(String kind, String rulePackage, Subject subject, Object input, T output,
            String explanation) {
        return decide(kind, rulePackage, subject, input, output, List.of(), r -> explanation);
    }

    public <T> Decision<T> decide(String kind, String rulePackage, Subject subject, Object input, T output,
            List<?> moreFacts, java.util.function.Function<T, String> explanation) {
        var ruleSet = rules.current();
        var facts = new ArrayList<Object>();
        facts.add(input);
        facts.add(output);
        facts.addAll(moreFacts);
        var fired = run(ruleSet, rulePackage, facts);
        var decision = new Decision<>(UUID.randomUUID().toString(), kind, ruleSet.version(), List.copyOf(fired), output);
        jdbc.sql("""
                INSERT INTO decision (id, kind, subject_type, subject_id, customer_id, rule_version, fired_rules,
                                      inputs, outputs, explanation, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(decision.id(), kind, subject.type(), subject.id(), subject.customerId(), ruleSet.version(),
                        truncate(String.join("\n", fired), 2000), truncate(toJson(input), 8000),
                        truncate(toJson(output), 8000), truncate(explanation.apply(output), 1000),
                        OffsetDateTime.now(ZoneOffset.UTC))
                .update();
        return decision;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot record decision data", e);
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    private static String rootMessage(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
