package com.gridcare.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gridcare.deployment.SourceFolder;
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
