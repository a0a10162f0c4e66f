package com.gridcare.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Malformed, oversized, wrong-type, injection and boundary values against every operation of
 * GridCare's API, as an administrator (who passes every group check, so the input reaches the
 * validation): no 5xx, no stack trace or class name in a body, a body over 1 MB answered 413.
 * CI sends {@code gridcare.bad-input.requests} requests (default 1,000); the fault suite sends
 * 12,000 ({@code reliability/bad-input.sh}). Seeded: a failure names the seed to reproduce it.
 */
@GridCareTest
class BadInputTest {

    private static final int REQUESTS = Integer.getInteger("gridcare.bad-input.requests", 1000);
    private static final long SEED = Long.getLong("gridcare.bad-input.seed", System.nanoTime());
    private static final Pattern LEAK = Pattern.compile(
            "(?i)(exception|\\bat (com|org|java|jdk)\\.|org\\.springframework|org\\.camunda|org\\.drools|java\\.lang|"
                    + "com\\.gridcare\\.|sqlstate|stack ?trace|hibernate|jdbc|\\.java:\\d+)");
    private static final String ONE_MB_PLUS = "x".repeat(1024 * 1024 + 10);

    /** Strings that break parsers, queries, templates and expression languages, and the edges of sizes. */
    private static final List<String> BAD_STRINGS = List.of("", " ", "\u0000", "\u0000abc", "a".repeat(5000),
            "' OR '1'='1", "'; DROP TABLE customer; --", "\" OR \"\"=\"", "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1:1/a}", "${runtimeService.createProcessInstanceQuery().count()}", "#{1+1}",
            "%{(#a=1)}", "{{7*7}}", "../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%00", "\uD83D\uDE00\uD83D\uDE00",
            "\uFFFF\uFFFE", "\u202Eevil", "𠜎𠜎", "null", "undefined", "-1", "0", "1e309", "NaN", "Infinity",
            "9".repeat(400), "\\", "\"", "'", "{}", "[]", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY b SYSTEM \"file:///etc/passwd\">]><a>&b;</a>",
            "$where: '1'=='1'", "*", "%", "_", "\r\nSet-Cookie: a=b", "CMP-2026-000001", "2026-13-45T25:61:00Z",
            "13800138000", "+86 138 0013 8000 0000 0000 0000");
    /** JSON values of every type, for a field that expects another. */
    private static final List<String> BAD_JSON_VALUES = List.of("null", "true", "false", "0", "-1", "1.5", "-0",
            "1e309", "-1e309", "99999999999999999999999999999", "[]", "{}", "[null]", "{\"$ne\":1}", "\"\"",
            "\"" + "y".repeat(10_000) + "\"", "[" + "1,".repeat(5000) + "1]", "\"2026-02-30\"",
            "\"9999-12-31T23:59:59Z\"", "\"0000-01-01\"", "\"HOTLINE \"", "\"hotline\"", "\"0\"");
    /** Whole bodies that are not what any operation reads. */
    private static final List<Supplier<String>> BAD_BODIES = List.of(() -> "", () -> "{", () -> "}", () -> "[",
            () -> "null", () -> "true", () -> "123", () -> "\"text\"", () -> "{\"a\":", () -> "{'single':1}",
            () -> "{\"a\":1,\"a\":2}", () -> "\uFEFF{}", () -> "{\"a\":\"\u0000\"}", () -> "[".repeat(5000),
            () -> "{\"a\":".repeat(3000), () -> "<xml/>", () -> "a=b&c=d", () -> ONE_MB_PLUS,
            () -> "{\"description\":\"" + ONE_MB_PLUS + "\"}", () -> "{\"unknownField\":1}",
            () -> "{\"__proto__\":{\"admin\":true}}", () -> "{\"@class\":\"java.lang.ProcessBuilder\"}");

    /** CSV uploads that are not a customer list (ids, where valid, recognisable as this test's). */
    private static final List<String> BAD_CSV = List.of("", "\n\n", "id\n", "\"unterminated,quote\n",
            "id,name\nBADINPUT-1,=cmd|' /C calc'!A0\n", "a,b,c\n1,2\n3,4,5,6\n", "\uFEFFid;name\nBADINPUT-2;x\n",
            "id,name\n" + "BADINPUT-3,x\n".repeat(5000), "id,name\nBADINPUT-4," + "y".repeat(100_000) + "\n",
            "\u0000\u0000\u0000", "<customers/>", "{\"id\":1}", ONE_MB_PLUS);

    /** How an operation looks when called correctly; the generator breaks one part at a time. */
    private record Template(String method, String pathPattern, Map<String, String> pathValues,
            Map<String, String> query, Map<String, String> jsonFields, boolean multipart) {}

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private static Map<String, String> fields(String... pairs) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i + 1 < pairs.length; i += 2) map.put(pairs[i], pairs[i + 1]);
        return map;
    }

    /** One template per operation (the same keys as the authorization matrix). */
    private static Map<String, Template> templates() {
        var t = new LinkedHashMap<String, Template>();
        t.put("POST /api/v1/complaints", new Template("POST", "/api/v1/complaints", Map.of(), Map.of(),
                fields("customerId", "\"BADINPUT-NOBODY\"", "channel", "\"HOTLINE\"", "category", "\"METER\"",
                        "description", "\"Meter blank\"", "contactPhone", "\"13800138000\"",
                        "occurredAt", "\"2026-01-01T10:00:00+08:00\""), false));
        t.put("GET /api/v1/cases/{caseId}", new Template("GET", "/api/v1/cases/{caseId}",
                Map.of("caseId", "CMP-1999-000001"), Map.of(), null, false));
        t.put("GET /api/v1/cases/{caseId}/record", new Template("GET", "/api/v1/cases/{caseId}/record",
                Map.of("caseId", "CMP-1999-000001"), Map.of(), null, false));
        t.put("GET /api/v1/reports/root-causes", new Template("GET", "/api/v1/reports/root-causes", Map.of(),
                fields("from", "2026-01-01", "to", "2026-01-31", "format", "json"), null, false));
        t.put("POST /api/v1/cases/{caseId}/withdrawal", new Template("POST", "/api/v1/cases/{caseId}/withdrawal",
                Map.of("caseId", "CMP-1999-000001"), Map.of(), fields("reason", "\"no longer needed\""), false));
        t.put("PUT /api/v1/customers/{id}", new Template("PUT", "/api/v1/customers/{id}", Map.of("id", "BADINPUT-C"),
                Map.of(), fields("name", "\"Bad Input\"", "customerClass", "\"RESIDENTIAL\"", "supplyVoltageKv", "0.22",
                        "contractedCapacityKva", "8", "contractStart", "\"2020-01-01\"", "contractTermYears", "3",
                        "criticalLoad", "false", "priorityCare", "false", "greenPreference", "false",
                        "area", "\"URBAN\"", "preferredChannel", "\"SMS\"", "phone", "\"13800138000\"",
                        "email", "\"a@example.com\"", "address", "\"Road 1\""), false));
        t.put("PUT /api/v1/customers/{id}/consumption", new Template("PUT", "/api/v1/customers/{id}/consumption",
                Map.of("id", "BADINPUT-NOBODY"), Map.of(), null, false));
        t.put("GET /api/v1/customers/{id}", new Template("GET", "/api/v1/customers/{id}", Map.of("id", "BADINPUT-NOBODY"),
                Map.of(), null, false));
        t.put("GET /api/v1/customers/{id}/decisions", new Template("GET", "/api/v1/customers/{id}/decisions",
                Map.of("id", "BADINPUT-NOBODY"), fields("page", "0", "size", "20"), null, false));
        t.put("POST /api/v1/customers/{id}/erasure", new Template("POST", "/api/v1/customers/{id}/erasure",
                Map.of("id", "BADINPUT-NOBODY"), Map.of(), null, false));
        t.put("POST /api/v1/tasks/{taskId}/complete", new Template("POST", "/api/v1/tasks/{taskId}/complete",
                Map.of("taskId", "no-such-task"), Map.of(), fields("variables", "{\"contacted\":true}"), false));
        t.put("GET /api/v1/rules", new Template("GET", "/api/v1/rules", Map.of(), fields("history", "5"), null, false));
        t.put("POST /api/v1/rules/validate", new Template("POST", "/api/v1/rules/validate", Map.of(),
                fields("package", "customer"), null, true));
        t.put("POST /api/v1/rules/simulate", new Template("POST", "/api/v1/rules/simulate", Map.of(),
                fields("package", "customer", "days", "30", "format", "json"), null, true));
        t.put("POST /api/v1/rules/publish", new Template("POST", "/api/v1/rules/publish", Map.of(),
                fields("package", "customer"), null, true));
        // never a valid or missing version: that would roll the shared test context's rules back
        t.put("POST /api/v1/rules/rollback", new Template("POST", "/api/v1/rules/rollback", Map.of(), Map.of(),
                fields("version", "\"zzzzzzzzzzzz\""), false));
        t.put("POST /api/v1/customers/import", new Template("POST", "/api/v1/customers/import", Map.of(), Map.of(),
                null, false));
        t.put("POST /api/v1/service-requests", new Template("POST", "/api/v1/service-requests", Map.of(), Map.of(),
                fields("customerId", "\"BADINPUT-NOBODY\"", "type", "\"NEW_CONNECTION\"", "channel", "\"HOTLINE\"",
                        "details", "{\"address\":\"Road 1\",\"capacityKva\":8}"), false));
        t.put("POST /api/v1/service-requests/{caseId}/documents", new Template("POST",
                "/api/v1/service-requests/{caseId}/documents", Map.of("caseId", "SRQ-1999-000001"), Map.of(),
                fields("documents", "[\"ID_CARD\"]", "answer", "\"here\""), false));
        t.put("GET /api/v1/surveys/{surveyId}", new Template("GET", "/api/v1/surveys/{surveyId}",
                Map.of("surveyId", "SVY-1999-000001"), Map.of(), null, false));
        t.put("GET /api/v1/surveys", new Template("GET", "/api/v1/surveys", Map.of(), fields("replyCode", "ZZZZZZZZ"),
                null, false));
        t.put("POST /api/v1/surveys/{surveyId}/responses", new Template("POST", "/api/v1/surveys/{surveyId}/responses",
                Map.of("surveyId", "SVY-1999-000001"), Map.of(), fields("score", "4", "comment", "\"fine\""), false));
        t.put("GET /api/v1/reports/satisfaction", new Template("GET", "/api/v1/reports/satisfaction", Map.of(),
                fields("from", "2026-01-01", "to", "2026-01-31", "format", "json"), null, false));
        t.put("POST /api/v1/deployments/reload", new Template("POST", "/api/v1/deployments/reload", Map.of(), Map.of(),
                null, false));
        // the staff workspace in Tasklist (issue 17)
        t.put("GET /api/v1/search", new Template("GET", "/api/v1/search", Map.of(), fields("q", "CMP-1999"), null, false));
        t.put("POST /api/v1/contacts", new Template("POST", "/api/v1/contacts", Map.of(), Map.of(),
                fields("customerId", "\"BADINPUT-NOBODY\"", "channel", "\"HOTLINE\"", "kind", "\"ENQUIRY\"",
                        "summary", "\"Asked about the tariff\""), false));
        t.put("POST /api/v1/calls", new Template("POST", "/api/v1/calls", Map.of(), Map.of(),
                fields("customerId", "\"BADINPUT-NOBODY\"", "channel", "\"HOTLINE\"", "kind", "\"COMPLAINT\"",
                        "complaint", "{\"category\":\"METER\",\"description\":\"Meter blank\"}"), false));
        t.put("GET /api/v1/customers/{id}/timeline", new Template("GET", "/api/v1/customers/{id}/timeline",
                Map.of("id", "BADINPUT-NOBODY"), fields("limit", "50"), null, false));
        t.put("GET /api/v1/customers/{id}/consumption", new Template("GET", "/api/v1/customers/{id}/consumption",
                Map.of("id", "BADINPUT-NOBODY"), fields("months", "24"), null, false));
        t.put("POST /api/v1/customers/{id}/reveal", new Template("POST", "/api/v1/customers/{id}/reveal",
                Map.of("id", "BADINPUT-NOBODY"), Map.of(), fields("field", "\"PHONE\"", "reason", "\"caller asked\""),
                false));
        t.put("GET /api/v1/customers/{id}/access-log", new Template("GET", "/api/v1/customers/{id}/access-log",
                Map.of("id", "BADINPUT-NOBODY"), fields("limit", "10"), null, false));
        t.put("GET /api/v1/reports/contacts", new Template("GET", "/api/v1/reports/contacts", Map.of(),
                fields("from", "2026-01-01", "to", "2026-01-31", "format", "json"), null, false));
        // outages (issue 23); never a valid outage: unknown supply points register nothing
        t.put("POST /api/v1/outages", new Template("POST", "/api/v1/outages", Map.of(), Map.of(),
                fields("kind", "\"UNPLANNED\"", "feeders", "[\"BADINPUT-NOFEEDER\"]",
                        "startsAt", "\"2026-01-01T08:00:00+08:00\"", "expectedRestorationAt", "\"2026-01-01T12:00:00+08:00\"",
                        "reason", "\"cable fault\""), false));
        t.put("PATCH /api/v1/outages/{id}", new Template("PATCH", "/api/v1/outages/{id}",
                Map.of("id", "OUT-1999-000001"), Map.of(), fields("expectedRestorationAt", "\"2026-01-01T12:00:00+08:00\""),
                false));
        t.put("POST /api/v1/outages/{id}/restoration", new Template("POST", "/api/v1/outages/{id}/restoration",
                Map.of("id", "OUT-1999-000001"), Map.of(), fields("restoredAt", "\"2026-01-01T12:00:00+08:00\""), false));
        t.put("GET /api/v1/outages/{id}", new Template("GET", "/api/v1/outages/{id}", Map.of("id", "OUT-1999-000001"),
                Map.of(), null, false));
        t.put("GET /api/v1/reports/reliability", new Template("GET", "/api/v1/reports/reliability", Map.of(),
                fields("month", "2026-01", "format", "json"), null, false));
        // the monthly service report (issue 18)
        t.put("GET /api/v1/reports/service", new Template("GET", "/api/v1/reports/service", Map.of(),
                fields("month", "2026-01", "group", "billing", "tier", "KEY", "channel", "WEB", "format", "json"), null, false));
        t.put("GET /api/v1/reports/service/cases", new Template("GET", "/api/v1/reports/service/cases", Map.of(),
                fields("month", "2026-01", "tier", "KEY", "channel", "WEB", "section", "sla", "figure", "breached", "row", "*"),
                null, false));
        t.put("POST /api/v1/reports/service/rollup", new Template("POST", "/api/v1/reports/service/rollup", Map.of(),
                fields("month", "1999-01"), null, false));
        // relationship programmes (issue 24); contracts and campaigns for a customer or campaign that does not exist
        t.put("GET /api/v1/customers/{id}/consents", new Template("GET", "/api/v1/customers/{id}/consents",
                Map.of("id", "BADINPUT-NOBODY"), Map.of(), null, false));
        t.put("PUT /api/v1/customers/{id}/consents/{channel}/{purpose}", new Template("PUT",
                "/api/v1/customers/{id}/consents/{channel}/{purpose}",
                Map.of("id", "BADINPUT-NOBODY", "channel", "SMS", "purpose", "MARKETING"), Map.of(),
                fields("granted", "true", "source", "\"APP_SETTINGS\""), false));
        t.put("POST /api/v1/inbound-messages", new Template("POST", "/api/v1/inbound-messages", Map.of(), Map.of(),
                fields("channel", "\"SMS\"", "messageId", "\"badinput-1\"", "from", "\"+86 100 0000 0000\"",
                        "text", "\"TD\""), false));
        t.put("GET /api/v1/customers/{id}/usage-reports/{period}", new Template("GET",
                "/api/v1/customers/{id}/usage-reports/{period}", Map.of("id", "BADINPUT-NOBODY", "period", "1999-01"),
                Map.of(), null, false));
        t.put("GET /api/v1/customers/{id}/usage-reports/{period}/pdf", new Template("GET",
                "/api/v1/customers/{id}/usage-reports/{period}/pdf",
                Map.of("id", "BADINPUT-NOBODY", "period", "1999-Q1"), Map.of(), null, false));
        t.put("POST /api/v1/usage-reports/runs", new Template("POST", "/api/v1/usage-reports/runs", Map.of(), Map.of(),
                fields("period", "\"1999-01\""), false));
        t.put("POST /api/v1/contracts", new Template("POST", "/api/v1/contracts", Map.of(), Map.of(),
                fields("customerId", "\"BADINPUT-NOBODY\"", "kind", "\"SUPPLY\"", "startsOn", "\"2024-01-01\"",
                        "termYears", "3", "renewalTerms", "\"NEGOTIATED\"", "contractedCapacityKva", "2500",
                        "priceBasis", "\"TIME_OF_USE\""), false));
        t.put("GET /api/v1/contracts/{id}", new Template("GET", "/api/v1/contracts/{id}",
                Map.of("id", "CTR-1999-000001"), Map.of(), null, false));
        t.put("GET /api/v1/customers/{id}/contracts", new Template("GET", "/api/v1/customers/{id}/contracts",
                Map.of("id", "BADINPUT-NOBODY"), Map.of(), null, false));
        t.put("POST /api/v1/campaigns", new Template("POST", "/api/v1/campaigns", Map.of(), Map.of(),
                fields("nameEn", "\"Reliability\"", "nameZh", "\"可靠性\"",
                        "target", "{\"tier\":\"KEY\",\"sampleSize\":10}",
                        "opensAt", "\"2026-11-01T09:00:00+08:00\"", "closesAt", "\"2026-11-30T18:00:00+08:00\"",
                        "questions", "[{\"kind\":\"SCALE\",\"textEn\":\"How reliable?\",\"textZh\":\"可靠吗？\"}]"),
                false));
        t.put("GET /api/v1/campaigns/{id}", new Template("GET", "/api/v1/campaigns/{id}",
                Map.of("id", "CPG-1999-0001"), Map.of(), null, false));
        t.put("POST /api/v1/campaigns/{id}/launch", new Template("POST", "/api/v1/campaigns/{id}/launch",
                Map.of("id", "CPG-1999-0001"), Map.of(), null, false));
        t.put("POST /api/v1/campaigns/{id}/responses", new Template("POST", "/api/v1/campaigns/{id}/responses",
                Map.of("id", "CPG-1999-0001"), Map.of(),
                fields("replyCode", "\"K7Q2M9XP4T\"", "answers", "[{\"question\":1,\"score\":4}]"), false));
        t.put("GET /api/v1/campaigns/{id}/results", new Template("GET", "/api/v1/campaigns/{id}/results",
                Map.of("id", "CPG-1999-0001"), Map.of(), null, false));
        t.put("POST /api/v1/admin/users/{id}/unlock", new Template("POST", "/api/v1/admin/users/{id}/unlock",
                Map.of("id", "badinputnobody"), Map.of(), null, false));
        return t;
    }

    private List<String> declaredOperations() {
        var operations = new ArrayList<String>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            for (var pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) continue;
                for (var m : info.getMethodsCondition().getMethods()) operations.add(m.name() + " " + pattern);
            }
        });
        return operations;
    }

    /** A generated request; {@code sent} is its body, so that an answer quoting the client's own input is no leak. */
    private record Attempt(String operation, String kind, HttpRequest request, boolean oversized, String sent) {}

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyOperationAnswersMalformedInputWithoutA5xx() throws Exception {
        testData.users();
        var templates = templates();
        assertThat(new TreeSet<>(templates.keySet())).as("a template per API operation")
                .isEqualTo(new TreeSet<>(declaredOperations()));

        var random = new Random(SEED);
        var byStatus = new TreeMap<Integer, AtomicInteger>();
        var failures = new ArrayList<String>();
        var operations = new ArrayList<>(templates.entrySet());
        int sent = 0;
        int reloads = 0;
        var hit = new TreeMap<String, AtomicInteger>();
        while (sent < REQUESTS) {
            var entry = operations.get(random.nextInt(operations.size()));
            if (entry.getKey().contains("deployments/reload") && reloads++ > 20) continue;
            var attempt = generate(entry.getKey(), entry.getValue(), random);
            hit.computeIfAbsent(entry.getKey(), k -> new AtomicInteger()).incrementAndGet();
            HttpResponse<String> response;
            try {
                response = http.send(attempt.request(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // the server may close the connection on a body it refuses (413): that is an answer, not a 5xx
                if (attempt.oversized()) {
                    sent++;
                    byStatus.computeIfAbsent(413, s -> new AtomicInteger()).incrementAndGet();
                    continue;
                }
                throw e;
            }
            sent++;
            byStatus.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
            var problem = describe(attempt, response);
            if (problem != null && failures.size() < 30) failures.add(problem);
            else if (problem != null) failures.add("…");
        }
        long fiveHundreds = byStatus.entrySet().stream().filter(e -> e.getKey() >= 500)
                .mapToLong(e -> e.getValue().get()).sum();
        var fewest = hit.values().stream().mapToInt(AtomicInteger::get).min().orElse(0);
        System.out.printf("bad-input run: seed %d, operations %d, operations hit %d (fewest requests on one %d), "
                + "requests tried %d, by status %s, 5xx %d%n", SEED, templates.size(), hit.size(), fewest, sent, byStatus,
                fiveHundreds);
        assertThat(failures).as("seed %d", SEED).isEmpty();
        assertThat(fiveHundreds).isZero();
    }

    private static String describe(Attempt attempt, HttpResponse<String> response) {
        var status = response.statusCode();
        var body = response.body() == null ? "" : response.body();
        var what = attempt.operation() + " [" + attempt.kind() + "] " + attempt.request().uri();
        if (status >= 500) return what + " -> " + status + " " + abbreviate(body);
        if (attempt.oversized() && status != 413) return what + " oversized -> " + status;
        var leak = LEAK.matcher(body);
        while (leak.find()) {
            // quoting the client's own input back (a field name it sent) reveals nothing of the server
            if (!attempt.sent().contains(leak.group()) && !attempt.request().uri().toString().contains(leak.group())) {
                return what + " leaks -> " + status + " " + abbreviate(body);
            }
        }
        return null;
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private Attempt generate(String operation, Template template, Random random) {
        var pathValues = new LinkedHashMap<>(template.pathValues());
        var query = new LinkedHashMap<>(template.query());
        var json = template.jsonFields() == null ? null : new LinkedHashMap<>(template.jsonFields());
        String rawBody = null;
        String contentType = template.multipart() ? null : "application/json";
        String idempotencyKey = null;
        String kind;
        boolean oversized = false;
        int choice = random.nextInt(8);
        if (choice == 0 && !pathValues.isEmpty()) {
            var name = pick(new ArrayList<>(pathValues.keySet()), random);
            var bad = pick(BAD_STRINGS, random);
            // an id that happens to be valid would create a record other tests count: keep it recognisable
            pathValues.put(name, bad.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,31}") ? "BADINPUT-" + bad : bad);
            kind = "path " + name;
        } else if (choice == 1) {
            var names = new ArrayList<>(query.keySet());
            names.add("unexpected");
            var name = pick(names, random);
            query.put(name, pick(BAD_STRINGS, random));
            kind = "query " + name;
        } else if (choice <= 3 && json != null && !json.isEmpty()) {
            var name = pick(new ArrayList<>(json.keySet()), random);
            if (random.nextBoolean()) json.put(name, pick(BAD_JSON_VALUES, random));
            else json.put(name, quote(pick(BAD_STRINGS, random)));
            if (random.nextInt(4) == 0) json.remove(name);
            kind = "field " + name;
        } else if (choice == 4 && !template.multipart()) {
            rawBody = pick(BAD_BODIES, random).get();
            oversized = rawBody.length() > 1024 * 1024;
            kind = "body";
        } else if (choice == 5) {
            contentType = pick(List.of("text/plain", "application/xml", "multipart/form-data",
                    "application/x-www-form-urlencoded", "application/json; charset=ISO-8859-1", "*/*", "garbage/"),
                    random);
            kind = "content type " + contentType;
        } else if (choice == 6 && template.method().equals("POST")) {
            idempotencyKey = pick(List.of("", " ", "a b", "k".repeat(101), "ключ", "\t", "x\u0000", "ok-key-"
                    + random.nextInt(1000)), random);
            kind = "idempotency key";
        } else {
            rawBody = pick(BAD_BODIES, random).get();
            oversized = rawBody.length() > 1024 * 1024 && !template.multipart();
            kind = "body";
        }
        if (template.multipart() && rawBody == null && contentType == null) {
            return multipart(operation, template, pathValues, query, random);
        }
        var uri = uri(template, pathValues, query);
        String body = rawBody != null ? rawBody : json == null ? (random.nextBoolean() ? "" : "{}") : toJson(json);
        if (operation.contains("rollback") && rawBody == null && !body.contains("\"version\"")) {
            body = "{\"version\":\"not-a-version\"}";
        }
        if (operation.contains("rollback") && rawBody != null && !rawBody.contains("version")) {
            // an empty or versionless body means "roll back one version": keep the shared rules where they are
            body = rawBody.isBlank() || rawBody.equals("{}") || rawBody.equals("null") ? "{\"version\":1}" : rawBody;
        }
        if (operation.contains("publish") && rawBody != null) {
            contentType = "application/json"; // not multipart: refused before any publish
        }
        if (operation.endsWith("/customers/import") && "application/json".equals(contentType)) {
            // a CSV upload: broken CSV instead of broken JSON
            contentType = "text/csv";
            body = rawBody != null && random.nextBoolean() ? rawBody : pick(BAD_CSV, random);
        }
        var request = base(uri).method(template.method(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) request.header("Content-Type", contentType);
        if (idempotencyKey != null) {
            try {
                request.header("Idempotency-Key", idempotencyKey);
            } catch (IllegalArgumentException notSendable) {
                request.header("Idempotency-Key", "bad key");
            }
        }
        // the CSV import takes files larger than 1 MB by design: its own limit applies
        return new Attempt(operation, kind, request.build(), oversized && !operation.endsWith("/customers/import"),
                body);
    }

    private Attempt multipart(String operation, Template template, Map<String, String> pathValues,
            Map<String, String> query, Random random) {
        var boundary = "----badinput" + random.nextInt(1_000_000);
        var parts = new StringBuilder();
        var files = List.<Map.Entry<String, String>>of(Map.entry("evaluation.drl", "rule \"x\" when then end end ((("),
                Map.entry("../../../etc/passwd", "root:x:0:0"), Map.entry("tier.drl.xlsx", "PK\u0003\u0004 truncated zip"),
                Map.entry("tier.drl.csv", "\"unterminated,quote\n,,,,\n" + "a,".repeat(2000)),
                Map.entry("examples.xlsx", new String(Base64.getDecoder().decode("UEsDBBQAAAAIAAAAIQA="),
                        StandardCharsets.ISO_8859_1)),
                Map.entry("x.drl", "package ${jndi:ldap://127.0.0.1:1/a}; import java.lang.Runtime; rule r when eval("
                        + "Runtime.getRuntime().exec(\"id\") != null) then end"),
                Map.entry("big.drl", "rule \"r\" when then end\n".repeat(2_000)),
                Map.entry("", ""), Map.entry("a\u0000b.drl", "x"));
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            var file = pick(files, random);
            parts.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"files\"; filename=\"")
                    .append(file.getKey()).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .append(file.getValue()).append("\r\n");
        }
        var fields = new LinkedHashMap<>(query);
        if (random.nextBoolean()) fields.put(pick(new ArrayList<>(fields.keySet()), random), pick(BAD_STRINGS, random));
        if (count == 0 && operation.contains("publish")) {
            // no file publishes the rules folder: give it one that cannot pass
            parts.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"files\"; "
                    + "filename=\"broken.drl\"\r\n\r\nrule (\r\n");
        }
        for (var field : fields.entrySet()) {
            parts.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                    .append(field.getKey()).append("\"\r\n\r\n").append(field.getValue()).append("\r\n");
        }
        if (random.nextInt(5) > 0) parts.append("--").append(boundary).append("--\r\n");
        var request = base(uri(template, pathValues, Map.of()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(parts.toString(), StandardCharsets.ISO_8859_1));
        return new Attempt(operation, "multipart", request.build(), false, parts.toString());
    }

    private HttpRequest.Builder base(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((TestData.user(Groups.ADMINS) + ":" + TestData.PASSWORD)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private URI uri(Template template, Map<String, String> pathValues, Map<String, String> query) {
        var path = template.pathPattern();
        for (var value : pathValues.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", encode(value.getValue()));
        }
        var sb = new StringBuilder("http://localhost:" + port + path);
        var first = true;
        for (var parameter : query.entrySet()) {
            sb.append(first ? '?' : '&').append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            first = false;
        }
        return URI.create(sb.toString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String quote(String value) {
        var sb = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }

    private static String toJson(Map<String, String> fields) {
        var sb = new StringBuilder("{");
        for (var field : fields.entrySet()) {
            if (sb.length() > 1) sb.append(',');
            sb.append('"').append(field.getKey()).append("\":").append(field.getValue());
        }
        return sb.append('}').toString();
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
