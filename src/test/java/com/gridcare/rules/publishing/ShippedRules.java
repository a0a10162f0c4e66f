package com.gridcare.rules.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.rules.runtime.RuleCompiler;
import com.gridcare.rules.runtime.RuleRuntime;
import com.gridcare.testsupport.TestRulesFolder;
import java.nio.file.Path;

/** Puts the shipped rules back (in the test folder and live) after a test changed them. */
public final class ShippedRules {

    public static final Path TEST_FOLDER = Path.of("target/test-rules");

    private ShippedRules() {
    }

    public static void restore(RulePublisher publisher, RuleRuntime runtime) {
        TestRulesFolder.copy(Path.of("rules"), TEST_FOLDER);
        var result = publisher.publishFolder("test clean-up", RulePublisher.Trigger.API);
        assertThat(result.outcome()).isNotEqualTo(RulePublisher.Outcome.REFUSED);
        assertThat(runtime.current().version()).isEqualTo(RuleCompiler.version(
                com.gridcare.deployment.SourceFolder.of("rules", "").read(p -> true)));
    }
}
