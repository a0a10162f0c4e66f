package com.gridcare.rules.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.CustomerEvaluator;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.kernel.Groups;
import com.gridcare.rules.authoring.Spreadsheets;
import com.gridcare.rules.runtime.DecisionService;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@GridCareTest
class RulesApiTest extends RuleAnalystFixture {

    @Autowired
    CustomerEvaluator evaluator;
    @Autowired
    CustomerRepository customers;

    private static byte[] tier() {
        return Spreadsheets.read("customer/tier.drl.xlsx");
    }

    @Test
    void shouldShowTheLiveRulesTheirFilesAndHistoryToAnalysts() {
        var answer = analyst.get("/api/v1/rules");

        assertThat(answer.status()).isEqualTo(200);
        var body = answer.json();
        assertThat(body.path("version").asText()).isEqualTo(runtime.current().version());
        assertThat(body.path("packages").findValuesAsText("name"))
                .contains("customer", "offers", "complaintrouting", "requestrouting");
        assertThat(body.path("files").findValuesAsText("path")).contains("customer/tier.drl.xlsx", "customer/examples.xlsx");
        assertThat(body.path("history").get(0).path("outcome").asText()).isIn("PUBLISHED", "REFUSED");
        assertThat(Api.at(port).as(Groups.ADMINS).get("/api/v1/rules").status()).isEqualTo(200);
    }

    @Test
    void shouldLetOnlyRuleAnalystsAndAdministratorsNearTheRules() {
        for (var group : new String[] {Groups.CHANNEL_SYSTEMS, Groups.CUSTOMER_SERVICE, Groups.SUPERVISORS}) {
            var api = Api.at(port).as(group);
            assertThat(api.get("/api/v1/rules").status()).isEqualTo(403);
            assertThat(api.postFiles("/api/v1/rules/validate", Map.of("tier.drl.xlsx", tier())).status()).isEqualTo(403);
            assertThat(api.postFiles("/api/v1/rules/simulate", Map.of("tier.drl.xlsx", tier())).status()).isEqualTo(403);
            assertThat(api.post("/api/v1/rules/publish").status()).isEqualTo(403);
            assertThat(api.post("/api/v1/rules/rollback").status()).isEqualTo(403);
        }
        assertThat(Api.at(port).post("/api/v1/rules/publish").status()).isEqualTo(401);
    }

    @Test
    void shouldValidateAnUploadedTableAndNameFileSheetRowAndColumn() {
        var answer = analyst.postFiles("/api/v1/rules/validate",
                Map.of("tier.drl.xlsx", Spreadsheets.set(tier(), "C12", "1 GWh")));

        assertThat(answer.status()).isEqualTo(200);
        var body = answer.json();
        assertThat(body.path("valid").asBoolean()).isFalse();
        var problem = body.path("problems").get(0);
        assertThat(problem.path("file").asText()).isEqualTo("customer/tier.drl.xlsx");
        assertThat(problem.path("sheet").asText()).isEqualTo("tier.drl");
        assertThat(problem.path("row").asInt()).isEqualTo(12);
        assertThat(problem.path("column").asText()).isEqualTo("C");
        assertThat(problem.path("message").asText()).contains("'1 GWh' is not a number");
        assertThat(body.path("version").asText()).isNotEqualTo(runtime.current().version());
    }

    @Test
    void shouldValidateAGoodPackageAndRunItsExamples() {
        var answer = analyst.postFiles("/api/v1/rules/validate", Map.of("routing.drl.xlsx",
                Spreadsheets.read("complaintrouting/routing.drl.xlsx"), "priority.drl",
                Spreadsheets.read("complaintrouting/priority.drl"), "examples.xlsx",
                Spreadsheets.read("complaintrouting/examples.xlsx")), "package", "complaintrouting");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("valid").asBoolean()).isTrue();
        assertThat(answer.json().path("files").toString()).contains("complaintrouting/routing.drl.xlsx");
        assertThat(answer.json().path("examples").findValuesAsText("rulePackage")).contains("complaintrouting");
    }

    @Test
    void shouldAnswer400ForAValidationWithoutFilesOrWithAForeignFile() {
        var none = analyst.postFiles("/api/v1/rules/validate", Map.of(), "package", "customer");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().path("errors").get(0).path("field").asText()).isEqualTo("files");

        var foreign = analyst.postFiles("/api/v1/rules/validate", Map.of("notes.txt", new byte[] {1}));
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.json().path("detail").asText()).contains("'notes.txt' is not a rule file");

        var badPackage = analyst.postFiles("/api/v1/rules/validate", Map.of("tier.drl.xlsx", tier()), "package", "../x");
        assertThat(badPackage.status()).isEqualTo(400);
        assertThat(badPackage.json().path("errors").get(0).path("field").asText()).isEqualTo("package");
    }

    @Test
    void shouldRefuseABrokenPublishChangeNothingAndSayWhy() {
        var before = runtime.current().version();

        var answer = analyst.postFiles("/api/v1/rules/publish",
                Map.of("tier.drl.xlsx", Spreadsheets.set(tier(), "C8", "anualKwh >= $param")));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().path("detail").asText()).contains("nothing changed").contains("unknown field 'anualKwh'");
        assertThat(answer.json().path("result").path("problems").get(0).path("column").asText()).isEqualTo("C");
        assertThat(runtime.current().version()).isEqualTo(before);
        var audit = publisher.history(1).get(0);
        assertThat(audit.outcome()).isEqualTo("REFUSED");
        assertThat(audit.publishedBy()).isEqualTo(TestData.user(Groups.RULE_ANALYSTS));
        assertThat(audit.problems()).anyMatch(p -> p.contains("row 8, column C: unknown field 'anualKwh'"));
    }

    @Test
    void shouldPublishAuditAndRollBack() {
        var before = runtime.current().version();
        var customer = testData.customer(CustomerClass.COMMERCIAL, 200_000, "100", "200", false, false);
        assertThat(evaluate(customer)).isEqualTo("BUSINESS");

        var published = analyst.postFiles("/api/v1/rules/publish",
                Map.of("tier.drl.xlsx", Spreadsheets.setNumber(tier(), "D11", 100)));

        assertThat(published.status()).isEqualTo(200);
        var version = published.json().path("version").asText();
        assertThat(published.json().path("outcome").asText()).isEqualTo("PUBLISHED");
        assertThat(runtime.current().version()).isEqualTo(version).isNotEqualTo(before);
        assertThat(evaluate(customer)).isEqualTo("STRATEGIC");
        var audit = publisher.history(1).get(0);
        assertThat(audit.version()).isEqualTo(version);
        assertThat(audit.previousVersion()).isEqualTo(before);
        assertThat(audit.trigger()).isEqualTo("API");
        assertThat(audit.publishedBy()).isEqualTo(TestData.user(Groups.RULE_ANALYSTS));
        assertThat(audit.changes()).containsExactly("customer/tier.drl.xlsx: row 2 'STRATEGIC: non-residential "
                + "supplied at 110 kV or more': Supply voltage at least (kV) / 供电电压不低于 (kV) 110 → 100");

        var key = TestData.uniqueId("rollback");
        var rolledBack = analyst.post("/api/v1/rules/rollback", "", "Idempotency-Key", key);
        var retried = analyst.post("/api/v1/rules/rollback", "", "Idempotency-Key", key);

        assertThat(rolledBack.status()).isEqualTo(200);
        assertThat(rolledBack.json().path("version").asText()).isEqualTo(before);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.json().path("version").asText()).isEqualTo(before);
        assertThat(runtime.current().version()).isEqualTo(before);
        assertThat(evaluate(customer)).isEqualTo("BUSINESS");
        assertThat(publisher.history(1).get(0).trigger()).isEqualTo("ROLLBACK");
    }

    @Test
    void shouldAnswerUnchangedWhenPublishingTheLiveRulesAgain() {
        var answer = analyst.post("/api/v1/rules/publish");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("outcome").asText()).isEqualTo("UNCHANGED");
    }

    private String evaluate(String customerId) {
        var customer = customers.find(customerId).orElseThrow();
        return evaluator.evaluate(customer, DecisionService.Subject.customer(customerId)).evaluation().getTier().name();
    }
}
