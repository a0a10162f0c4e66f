package com.gridcare.rules.runtime;

import com.gridcare.rules.authoring.DecisionTable;
import com.gridcare.rules.authoring.ExampleReader;
import com.gridcare.rules.authoring.ExampleTable;
import com.gridcare.rules.authoring.FactBinder;
import com.gridcare.rules.authoring.RuleProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.MatchCreatedEvent;

/**
 * Runs a package's examples against its compiled rules: every example must give the expected
 * answers, every table row must be met by at least one example and not met by at least one
 * (so each condition is shown to matter), and every DRL rule must be met by at least one.
 * Also finds out whether the package gives the same answers when many subjects share a session.
 */
final class ExampleRunner {

    /** What running a package's examples showed. */
    record Report(String rulePackage, int examples, int passed, List<RuleProblem> problems, boolean batchSafe) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private record Outcome(Set<String> matched, List<String> fired, List<Object> facts, String error) {}

    private ExampleRunner() {
    }

    static Report run(RulePackage rulePackage, int maxFirings) {
        var examples = rulePackage.examples();
        var problems = new ArrayList<RuleProblem>();
        if (examples == null) {
            problems.add(RuleProblem.inFile(rulePackage.name() + "/" + ExampleReader.FILE_NAME,
                    "rule package '" + rulePackage.name() + "' has no examples: add examples.xlsx (see rules/README.md)"));
            return new Report(rulePackage.name(), 0, 0, problems, false);
        }
        int passed = 0;
        var matchedBy = new HashMap<String, Integer>();
        for (var example : examples.examples()) {
            var outcome = runOne(rulePackage, examples, List.of(example), maxFirings);
            outcome.matched().forEach(rule -> matchedBy.merge(rule, 1, Integer::sum));
            var failures = check(rulePackage, examples, example, outcome);
            if (failures.isEmpty()) {
                passed++;
            } else {
                problems.addAll(failures);
            }
        }
        int total = examples.examples().size();
        for (var entry : rulePackage.tableRows()) {
            var table = entry.getKey();
            var row = entry.getValue();
            int met = matchedBy.getOrDefault(row.name(), 0);
            var nameColumn = table.columns().stream().filter(DecisionTable.Column::isName).findFirst()
                    .map(DecisionTable.Column::index).orElse(-1);
            if (met == 0) {
                problems.add(RuleProblem.atCell(table.file(), table.sheet(), row.sheetRow(), nameColumn, "row "
                        + row.number() + " '" + row.name() + "': no example meets this row's conditions; add one to "
                        + examples.file()));
            } else if (met == total) {
                problems.add(RuleProblem.atCell(table.file(), table.sheet(), row.sheetRow(), nameColumn, "row "
                        + row.number() + " '" + row.name() + "': every example meets this row's conditions; add one to "
                        + examples.file() + " that does not"));
            }
        }
        for (var drl : rulePackage.drlRules().values()) {
            if (matchedBy.getOrDefault(drl.name(), 0) == 0) {
                problems.add(RuleProblem.atLine(drl.file(), drl.line(), 0, "rule '" + drl.name()
                        + "': no example meets its conditions; add one to " + examples.file()));
            }
        }
        // objects the rules insert cannot be told apart by example when examples share a session
        boolean batchSafe = passed == total && total > 0 && examples.resultTypes().isEmpty()
                && batchGivesSameAnswers(rulePackage, examples, maxFirings);
        return new Report(rulePackage.name(), total, passed, problems, batchSafe);
    }

    /** All examples in one session: the same answers as one by one? */
    private static boolean batchGivesSameAnswers(RulePackage rulePackage, ExampleTable examples, int maxFirings) {
        var outcome = runOne(rulePackage, examples, examples.examples(), maxFirings * examples.examples().size());
        if (outcome.error() != null) return false;
        int perExample = examples.factTypes().size();
        for (int i = 0; i < examples.examples().size(); i++) {
            var facts = outcome.facts().subList(i * perExample, (i + 1) * perExample);
            var example = examples.examples().get(i);
            var single = new Outcome(outcome.matched(), outcome.fired(), facts, null);
            for (var column : examples.columns()) {
                if (column.kind() != ExampleTable.Kind.EXPECT) continue;
                if (!expectationHolds(column, example, single)) return false;
            }
        }
        return true;
    }

    private static Outcome runOne(RulePackage rulePackage, ExampleTable examples, List<ExampleTable.Example> rows,
            int maxFirings) {
        var facts = new ArrayList<Object>();
        for (var example : rows) {
            var byType = new HashMap<Class<?>, Object>();
            for (var type : examples.factTypes()) {
                var fact = ExampleReader.newInstance(type);
                byType.put(type, fact);
                facts.add(fact);
            }
            for (var column : examples.inputs()) {
                var text = example.cell(column);
                if (!text.isEmpty()) FactBinder.set(byType.get(column.factType()), column.field(), text);
            }
        }
        var matched = new LinkedHashSet<String>();
        var fired = new ArrayList<String>();
        var session = rulePackage.kieBase().newKieSession();
        try {
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void matchCreated(MatchCreatedEvent event) {
                    matched.add(event.getMatch().getRule().getName());
                }

                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    matched.add(event.getMatch().getRule().getName());
                    fired.add(event.getMatch().getRule().getName());
                }
            });
            facts.forEach(session::insert);
            int count = session.fireAllRules(maxFirings);
            if (count >= maxFirings) {
                return new Outcome(matched, fired, facts, "the rules fired " + count
                        + " times, the cap: a rule probably loops");
            }
            if (!examples.resultTypes().isEmpty()) {
                for (var object : session.getObjects()) {
                    if (facts.stream().noneMatch(f -> f == object)) facts.add(object);
                }
            }
        } catch (RuntimeException e) {
            return new Outcome(matched, fired, facts, "a rule failed: " + RuleEvaluationException.rootMessage(e));
        } finally {
            session.dispose();
        }
        return new Outcome(matched, fired, facts, null);
    }

    private static List<RuleProblem> check(RulePackage rulePackage, ExampleTable examples, ExampleTable.Example example,
            Outcome outcome) {
        var problems = new ArrayList<RuleProblem>();
        var where = "example '" + example.name() + "': ";
        if (outcome.error() != null) {
            problems.add(RuleProblem.atCell(examples.file(), examples.sheet(), example.sheetRow(), 0, where + outcome.error()));
            return problems;
        }
        for (var column : examples.expectations()) {
            var expected = example.cell(column);
            if (column.kind() == ExampleTable.Kind.EXPECT_FIRED) {
                for (var rule : expected.split(",")) {
                    if (!rule.isBlank() && !outcome.fired().contains(rule.trim())) {
                        problems.add(RuleProblem.atCell(examples.file(), examples.sheet(), example.sheetRow(),
                                column.index(), where + "expected " + rulePackage.describe(rule.trim())
                                        + " to fire; fired: " + describe(rulePackage, outcome.fired())));
                    }
                }
            } else if (!expectationHolds(column, example, outcome)) {
                Object actual;
                try {
                    actual = value(outcome.facts(), column);
                } catch (FactBinder.ValueException e) {
                    actual = e.getMessage();
                }
                problems.add(RuleProblem.atCell(examples.file(), examples.sheet(), example.sheetRow(), column.index(),
                        where + "expected " + column.field() + " " + (expected.isEmpty() ? "(none)" : expected)
                                + ", got " + FactBinder.show(actual) + " (fired: " + describe(rulePackage, outcome.fired()) + ")"));
            }
        }
        return problems;
    }

    private static boolean expectationHolds(ExampleTable.Column column, ExampleTable.Example example, Outcome outcome) {
        try {
            return FactBinder.matches(example.cell(column), value(outcome.facts(), column));
        } catch (FactBinder.ValueException e) {
            return false;
        }
    }

    /** The field of the object of the column's class; of several objects (inserted by rules), the list of values. */
    private static Object value(List<Object> facts, ExampleTable.Column column) {
        var objects = facts.stream().filter(column.factType()::isInstance).toList();
        if (objects.isEmpty()) return null;
        if (objects.size() == 1) return FactBinder.get(objects.get(0), column.field());
        var values = new ArrayList<Object>();
        for (var object : objects) values.add(FactBinder.get(object, column.field()));
        return values;
    }

    static String describe(RulePackage rulePackage, List<String> fired) {
        if (fired.isEmpty()) return "no rule";
        return String.join(", ", fired.stream().distinct().map(rulePackage::describe).toList());
    }
}
