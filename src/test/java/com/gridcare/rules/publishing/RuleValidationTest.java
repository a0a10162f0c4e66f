package com.gridcare.rules.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.deployment.SourceFolder;
import com.gridcare.rules.authoring.Spreadsheets;
import com.gridcare.rules.runtime.RuleModuleCache;
import com.gridcare.rules.runtime.RuleSet;
import com.gridcare.rules.runtime.RuleVerifier;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The validation an analyst sees: every problem names file, sheet, row and column in a spreadsheet
 * user's words. One shared compiled base (packages that do not change are reused).
 */
class RuleValidationTest {

    static Map<String, byte[]> live;
    static RuleSet base;

    @BeforeAll
    static void compileTheShippedRules() {
        live = SourceFolder.of("rules", "").read(p -> true);
        var verified = RuleVerifier.verify(live, RuleModuleCache.in("target/rules-cache"), null, 1000);
        assertThat(verified.problems()).isEmpty();
        base = verified.ruleSet();
    }

    private static RuleValidation.Report validate(String path, byte[] content) {
        return RuleValidation.validate(live, Map.of(path, content), RuleModuleCache.in("target/rules-cache"), base, 1000);
    }

    private static byte[] tier() {
        return Spreadsheets.read("customer/tier.drl.xlsx");
    }

    @Test
    void shouldAcceptTheShippedTableUnchanged() {
        var report = validate("customer/tier.drl.xlsx", tier());

        assertThat(report.valid()).isTrue();
        assertThat(report.problems()).isEmpty();
        assertThat(report.examples()).extracting(RuleVerifier.ExampleSummary::rulePackage).contains("customer");
    }

    @Test
    void shouldNameTheCellOfATypographicQuote() {
        var routing = Spreadsheets.set(Spreadsheets.read("complaintrouting/routing.drl.xlsx"), "D8",
                "$c.route(\u201C$param\u201D, drools.getRule().getName());");

        var report = validate("complaintrouting/routing.drl.xlsx", routing);

        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("complaintrouting/routing.drl.xlsx");
            assertThat(p.sheet()).isEqualTo("routing.drl");
            assertThat(p.row()).isEqualTo(8);
            assertThat(p.column()).isEqualTo("D");
            assertThat(p.message()).contains("typographic quote \u201C").contains("straight \"");
        });
    }

    @Test
    void shouldNameAnUnknownFieldAndSuggestTheRightOne() {
        var report = validate("customer/tier.drl.xlsx", Spreadsheets.set(tier(), "C8", "anualKwh >= $param"));

        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.getCell()).isEqualTo("C8");
            assertThat(p.message()).startsWith("unknown field 'anualKwh' of CustomerFacts (did you mean 'annualKwh'?)");
        });
    }

    @Test
    void shouldNameACellOfTheWrongType() {
        var report = validate("customer/tier.drl.xlsx", Spreadsheets.set(Spreadsheets.set(tier(), "C12", "1 GWh"),
                "F13", "KEYY"));

        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.getCell()).isEqualTo("C12");
            assertThat(p.message()).contains("'1 GWh' is not a number")
                    .contains("Annual consumption at least (kWh)");
        }).anySatisfy(p -> {
            assertThat(p.getCell()).isEqualTo("F13");
            assertThat(p.message()).contains("'KEYY' is not one of RESIDENTIAL, BUSINESS, KEY, STRATEGIC");
        });
    }

    @Test
    void shouldRefuseARowWithAnEmptyCondition() {
        var report = validate("customer/tier.drl.xlsx", Spreadsheets.set(Spreadsheets.set(tier(), "B12", null), "C12", null));

        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.row()).isEqualTo(12);
            assertThat(p.message()).startsWith("empty condition: row 3 'KEY: non-residential with at least 1 GWh a year'");
        });
    }

    @Test
    void shouldRefuseAConditionColumnWithoutCode() {
        var report = validate("customer/tier.drl.xlsx", Spreadsheets.set(tier(), "D8", null));

        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.getCell()).isEqualTo("D8");
            assertThat(p.message()).startsWith("empty condition: the CONDITION column D has no code");
        });
    }

    @Test
    void shouldNameAFullWidthComma() {
        var routing = Spreadsheets.set(Spreadsheets.read("requestrouting/routing.drl.xlsx"), "B11",
                "NEW_CONNECTION\uFF0CCAPACITY_CHANGE");

        var report = validate("requestrouting/routing.drl.xlsx", routing);

        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.getCell()).isEqualTo("B11");
            assertThat(p.message()).contains("full-width character \uFF0C").contains("','");
        });
    }

    @Test
    void shouldReportAFailingExampleWithExpectedAndActual() {
        // examples.xlsx row 8 is "Shopping mall: 2.3 GWh"; column M holds its expected tier
        var examples = Spreadsheets.set(Spreadsheets.read("customer/examples.xlsx"), "M8", "STRATEGIC");

        var report = validate("customer/examples.xlsx", examples);

        assertThat(report.valid()).isFalse();
        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("customer/examples.xlsx");
            assertThat(p.getCell()).isEqualTo("M8");
            assertThat(p.message()).isEqualTo("example 'Shopping mall: 2.3 GWh': expected tier STRATEGIC, got KEY "
                    + "(fired: row 3 'KEY: non-residential with at least 1 GWh a year', row 5 'BUSINESS: other non-residential')");
        });
    }

    @Test
    void shouldRequireEveryRowToBeMetAndNotMetByAnExample() {
        // 110 kV -> 220 kV: no example is supplied at 220 kV any more
        var report = validate("customer/tier.drl.xlsx", Spreadsheets.setNumber(tier(), "D11", 220));

        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.getCell()).isEqualTo("A11");
            assertThat(p.message()).isEqualTo("row 2 'STRATEGIC: non-residential supplied at 110 kV or more': no example "
                    + "meets this row's conditions; add one to customer/examples.xlsx");
        });
    }

    @Test
    void shouldRequireAnExampleThatDoesNotMeetARow() {
        // every example is met by a row that asks for nothing but "not residential" if residential is left open
        var report = validate("customer/tier.drl.xlsx", Spreadsheets.set(tier(), "B14", null));

        assertThat(report.problems()).anySatisfy(p ->
                assertThat(p.message()).contains("row 5 'BUSINESS: other non-residential'"));
    }

    @Test
    void shouldPlaceABareFileInThePackageItsContentNames() {
        var placed = RuleValidation.place(Map.of("tier.drl.xlsx", tier(), "priority.drl",
                Spreadsheets.read("complaintrouting/priority.drl"), "examples.xlsx",
                Spreadsheets.read("offers/examples.xlsx")), null);

        assertThat(placed).containsOnlyKeys("customer/tier.drl.xlsx", "complaintrouting/priority.drl", "offers/examples.xlsx");
    }

    @Test
    void shouldNameTheLineOfATypographicQuoteInDrl() {
        var drl = new String(Spreadsheets.read("complaintrouting/priority.drl"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("override(\"supervisors\"", "override(\u201Csupervisors\u201D");

        var report = validate("complaintrouting/priority.drl", drl.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(report.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo("complaintrouting/priority.drl");
            assertThat(p.line()).isPositive();
            assertThat(p.message()).contains("typographic quote");
        });
    }
}
