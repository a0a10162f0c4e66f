package com.gridcare.rules.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gridcare.deployment.SourceFolder;
import com.gridcare.rules.authoring.RuleBuildException;
import com.gridcare.rules.authoring.Spreadsheets;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleCompilerTest {

    @Test
    void compilesTheShippedRulesAndEveryExamplePasses() {
        var result = RuleVerifier.verify(SourceFolder.of("rules", "").read(p -> true), RuleModuleCache.none(), null, 1000);

        assertThat(result.problems()).isEmpty();
        assertThat(result.ruleSet().packages()).contains("customer", "offers", "complaintrouting", "requestrouting");
        assertThat(result.examples()).allSatisfy(e -> {
            assertThat(e.examples()).isPositive();
            assertThat(e.passed()).isEqualTo(e.examples());
        });
        System.out.println(result.examples());
    }

    @Test
    void shouldStopARuleThatLoopsAtTheCapInsteadOfAnswering() {
        var looping = RuleCompiler.compile(Map.of("customer/loop.drl", """
                package customer;
                import com.gridcare.customer.CustomerFacts;
                rule "Count contacts forever"
                when
                    $c : CustomerFacts( contactsLastYear >= 0 )
                then
                    modify($c) { setContactsLastYear($c.getContactsLastYear() + 1) };
                end
                """.getBytes(StandardCharsets.UTF_8)));
        var facts = new com.gridcare.customer.CustomerFacts();

        assertThatThrownBy(() -> RuleSessions.runOne(looping, "customer", java.util.List.of(facts), 50))
                .isInstanceOfSatisfying(RuleSessions.LoopCapException.class, e -> {
                    assertThat(e.fired()).isEqualTo(50);
                    assertThat(e.getMessage()).contains("a rule probably loops").contains("Count contacts forever");
                });
    }

    @Test
    void shouldCheckExamplesAgainstObjectsTheRulesInsert() {
        var files = Map.of("probe/reward.drl", """
                package probe;
                import com.gridcare.customer.CustomerFacts;
                import com.gridcare.offers.Offer;
                rule "Critical loads get a call-back"
                when
                    $c : CustomerFacts( criticalLoad )
                then
                    insert(new Offer("CALL_BACK", drools.getRule().getName()));
                end
                """.getBytes(StandardCharsets.UTF_8), "probe/examples.xlsx", Spreadsheets.of(
                new String[] {"Examples", "probe"},
                new String[] {"Facts", "com.gridcare.customer.CustomerFacts"},
                new String[] {"Results", "com.gridcare.offers.Offer"},
                new String[] {"Example", "criticalLoad", "expect Offer.code"},
                new String[] {"Hospital", "true", "CALL_BACK"},
                new String[] {"Shop", "false", ""},
                new String[] {"Wrong on purpose", "true", "NOTHING"}));

        var result = RuleVerifier.verify(files, RuleModuleCache.none(), null, 100);

        assertThat(result.examples()).singleElement().satisfies(e -> {
            assertThat(e.examples()).isEqualTo(3);
            assertThat(e.passed()).isEqualTo(2);
            assertThat(e.batchSafe()).isFalse();
        });
        assertThat(result.problems()).singleElement().satisfies(p -> {
            assertThat(p.getCell()).isEqualTo("C7");
            assertThat(p.message()).startsWith("example 'Wrong on purpose': expected code NOTHING, got CALL_BACK");
        });
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
