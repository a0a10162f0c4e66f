package com.gridcare.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.CustomerEvaluation;
import com.gridcare.customer.CustomerFacts;
import com.gridcare.customer.Tier;
import com.gridcare.deployment.SourceFolder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kie.internal.command.CommandFactory;

class RuleCompilerTest {

    @Test
    void compilesTheShippedRulesAndDecidesATier() {
        var files = SourceFolder.of("rules", "").read(p -> true);
        var ruleSet = RuleCompiler.compile(files);
        assertThat(ruleSet.packages()).contains("customer");

        var facts = new CustomerFacts();
        facts.setCustomerClass(CustomerClass.INDUSTRIAL);
        facts.setAnnualKwh(2_300_000);
        facts.setSupplyVoltageKv(10);
        facts.setContractedCapacityKva(200);
        var evaluation = new CustomerEvaluation();
        var fired = new ArrayList<String>();
        var session = ruleSet.kieBase("customer").newStatelessKieSession();
        session.addEventListener(new org.kie.api.event.rule.DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        });
        session.execute(CommandFactory.newBatchExecution(List.of(
                CommandFactory.newInsertElements(List.of(facts, evaluation)), CommandFactory.newFireAllRules(100))));
        assertThat(evaluation.getTier()).isEqualTo(Tier.KEY);
        assertThat(evaluation.getSegments()).containsExactly("RELIABILITY");
        System.out.println(fired + " -> " + evaluation.explain(facts));
    }

    @Test
    void namesFileAndLineOfACompileError() {
        var broken = Map.of("customer/broken.drl",
                "package customer;\nrule \"x\"\nwhen\n  String( length > )\nthen\nend\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> RuleCompiler.compile(broken))
                .isInstanceOfSatisfying(RuleBuildException.class, e ->
                        assertThat(e.problems()).anySatisfy(p -> {
                            assertThat(p.file()).isEqualTo("customer/broken.drl");
                            assertThat(p.line()).isEqualTo(4);
                        }));
    }
}
