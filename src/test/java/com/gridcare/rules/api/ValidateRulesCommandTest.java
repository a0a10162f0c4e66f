package com.gridcare.rules.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.rules.authoring.Spreadsheets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line form of the validation: same check, same messages, an exit code for scripts. */
class ValidateRulesCommandTest {

    @TempDir
    Path temp;

    private record Run(int exitCode, String output) {}

    private static Run run(List<String> files) throws Exception {
        var out = new ByteArrayOutputStream();
        var previous = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int code = ValidateRulesCommand.run("rules", null, files);
            return new Run(code, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(previous);
        }
    }

    @Test
    void shouldPassTheShippedRules() throws Exception {
        var run = run(List.of());

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).containsPattern("(?m)^VALID rules ").contains("customer: 21 of 21 examples pass");
    }

    @Test
    void shouldFailAChangedTableAndNameTheCell() throws Exception {
        var edited = temp.resolve("tier.drl.xlsx");
        Files.write(edited, Spreadsheets.set(Spreadsheets.read("customer/tier.drl.xlsx"), "F13", "KEYY"));

        var run = run(List.of(edited.toString()));

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.output()).containsPattern("(?m)^INVALID rules ")
                .contains("customer/tier.drl.xlsx, sheet 'tier.drl', row 13, column F: wrong type in column 'Tier / 客户等级': "
                        + "'KEYY' is not one of RESIDENTIAL, BUSINESS, KEY, STRATEGIC");
    }
}
