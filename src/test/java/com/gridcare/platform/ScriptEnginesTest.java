package com.gridcare.platform;

import static org.assertj.core.api.Assertions.assertThat;

import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.junit.jupiter.api.Test;

/** BPMN script tasks can only use the script engines on the class path: JUEL and FEEL, nothing else. */
class ScriptEnginesTest {

    @Test
    void onlyJuelAndFeelAreOnTheClassPath() {
        var engines = new ScriptEngineManager().getEngineFactories().stream()
                .map(ScriptEngineFactory::getEngineName)
                .toList();

        assertThat(engines).isNotEmpty();
        assertThat(engines).allSatisfy(name -> assertThat(name.toLowerCase()).containsAnyOf("juel", "feel"));
    }
}
