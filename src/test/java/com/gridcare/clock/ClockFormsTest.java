package com.gridcare.clock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The time left is shown by forms, never submitted: Tasklist submits what form-js's submit() returns,
 * the values of keyed fields that are not disabled (form-js 1.x, bundled with Camunda 7.24's
 * Tasklist). So {@code slaTimeLeft} appears only in text components, and no keyed field uses it.
 */
class ClockFormsTest {

    private static List<JsonNode> components(JsonNode node) {
        var all = new ArrayList<JsonNode>();
        for (var c : node.path("components")) {
            all.add(c);
            all.addAll(components(c));
        }
        return all;
    }

    @Test
    void formsShowTheTimeLeftInTextOnlySoThatItIsNeverSubmitted() throws IOException {
        var json = new ObjectMapper();
        int shown = 0;
        try (var files = Files.list(Path.of("forms"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
                for (var c : components(json.readTree(file.toFile()))) {
                    assertThat(c.path("key").asText()).as("%s: a field keyed %s would be submitted", file,
                            TimeLeftFormVariable.NAME).isNotEqualTo(TimeLeftFormVariable.NAME);
                    if (c.path("text").asText().contains("{{" + TimeLeftFormVariable.NAME + "}}")) {
                        assertThat(c.path("type").asText()).isEqualTo("text");
                        shown++;
                    }
                }
            }
        }
        assertThat(shown).as("the contact and resolution forms show the time left").isGreaterThanOrEqualTo(2);
    }
}
