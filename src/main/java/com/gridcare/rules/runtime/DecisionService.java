package com.gridcare.rules.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Runs a rule package over a subject's facts and records the decision. Thread safe: every call
 * takes the live rule set once (so a decision in flight finishes on the rules it started with)
 * and works on its own session. Every evaluation is capped at a number of rule firings; hitting
 * the cap, or a rule failing, is a {@link RuleEvaluationException} — never a default answer.
 * (Bean name differs from Camunda's DMN {@code decisionService}.)
 */
@Service("ruleDecisionService")
public class DecisionService {

    private static final Logger log = LoggerFactory.getLogger(DecisionService.class);
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
    private final Clock clock;
    private final MeterRegistry meters;
    private final int maxFirings;

    DecisionService(RuleRuntime rules, JdbcClient jdbc, ObjectMapper json, Clock clock, MeterRegistry meters,
            RulesProperties properties) {
        this.rules = rules;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
        this.maxFirings = properties.maxFirings();
    }

    public RuleSet current() {
        return rules.current();
    }

    /** Decides for one subject with the given rules; the names of the rules that fired, in firing order. */
    public List<String> run(RuleSet ruleSet, String rulePackage, List<?> facts) {
        try {
            return RuleSessions.runOne(ruleSet, rulePackage, facts, maxFirings);
        } catch (RuleSessions.LoopCapException e) {
            throw loopCap(ruleSet, rulePackage, e);
        } catch (RuntimeException e) {
            meters.counter("gridcare.rules.failures", "package", rulePackage).increment();
            throw new RuleEvaluationException("rule package '" + rulePackage + "' (rules " + ruleSet.version()
                    + ") failed: " + RuleEvaluationException.rootMessage(e), e);
        }
    }

    /**
     * Decides for many subjects at once, without recording decisions (simulation, benchmarks): many subjects per
     * session when the package's examples give the same answers that way, one per session otherwise.
     */
    public void runAll(RuleSet ruleSet, String rulePackage, List<?> subjects) {
        try {
            RuleSessions.runAll(ruleSet, rulePackage, subjects, maxFirings);
        } catch (RuleSessions.LoopCapException e) {
            throw loopCap(ruleSet, rulePackage, e);
        } catch (RuntimeException e) {
            meters.counter("gridcare.rules.failures", "package", rulePackage).increment();
            throw new RuleEvaluationException("rule package '" + rulePackage + "' (rules " + ruleSet.version()
                    + ") failed: " + RuleEvaluationException.rootMessage(e), e);
        }
    }

    private RuleEvaluationException loopCap(RuleSet ruleSet, String rulePackage, RuleSessions.LoopCapException e) {
        meters.counter("gridcare.rules.loop.cap.hit", "package", rulePackage).increment();
        log.error("ALARM: rule package '{}' (rules {}) hit the cap of {} firings; last fired {}", rulePackage,
                ruleSet.version(), maxFirings, e.last());
        return new RuleEvaluationException("rule package '" + rulePackage + "' (rules " + ruleSet.version() + ") "
                + e.getMessage(), null);
    }

    /**
     * Decides with the live rules and records the decision.
     *
     * @param facts the subject's fact, recorded as the decision's inputs; the rules put their answer on it
     * @param output the answer to record, read from the fact after the rules fired
     * @param explanation the why in one sentence, given the fact and the rule package (to name rows)
     */
    public <F, T> Decision<T> decide(String kind, String rulePackage, Subject subject, F facts, Function<F, T> output,
            BiFunction<F, RulePackage, String> explanation) {
        return decide(rules.current(), kind, rulePackage, subject, facts, output, explanation);
    }

    public <F, T> Decision<T> decide(RuleSet ruleSet, String kind, String rulePackage, Subject subject, F facts,
            Function<F, T> output, BiFunction<F, RulePackage, String> explanation) {
        return decide(ruleSet, kind, rulePackage, subject, facts, List.of(), output, explanation);
    }

    /**
     * As {@link #decide(String, String, Subject, Object, Function, BiFunction)}, for packages whose rules
     * also work on further facts (e.g. the SLA catalogue's result object); only {@code facts} is recorded
     * as the inputs.
     */
    public <F, T> Decision<T> decide(String kind, String rulePackage, Subject subject, F facts, List<?> moreFacts,
            Function<F, T> output, BiFunction<F, RulePackage, String> explanation) {
        return decide(rules.current(), kind, rulePackage, subject, facts, moreFacts, output, explanation);
    }

    private <F, T> Decision<T> decide(RuleSet ruleSet, String kind, String rulePackage, Subject subject, F facts,
            List<?> moreFacts, Function<F, T> output, BiFunction<F, RulePackage, String> explanation) {
        var inputs = toJson(facts);
        var allFacts = new java.util.ArrayList<Object>();
        allFacts.add(facts);
        allFacts.addAll(moreFacts);
        var fired = run(ruleSet, rulePackage, allFacts);
        var rulePackageRules = ruleSet.rulePackage(rulePackage);
        var firedRows = fired.stream().map(rulePackageRules::describe).toList();
        var answer = output.apply(facts);
        var why = explanation.apply(facts, rulePackageRules);
        var decision = new Decision<>(UUID.randomUUID().toString(), kind, ruleSet.version(), firedRows, answer, why);
        jdbc.sql("""
                INSERT INTO decision (id, kind, subject_type, subject_id, customer_id, rule_version, fired_rules,
                                      inputs, outputs, explanation, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(decision.id(), kind, subject.type(), subject.id(), subject.customerId(), ruleSet.version(),
                        truncate(String.join("\n", firedRows), 2000), truncate(inputs, 8000),
                        truncate(toJson(answer), 8000), truncate(why, 1000), OffsetDateTime.now(clock))
                .update();
        meters.counter("gridcare.rules.decisions", "package", rulePackage).increment();
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
}
