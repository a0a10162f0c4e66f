package com.gridcare.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI description: behind login, every operation under /api/v1 described (found from the
 * handler mappings, so operations added later are held to it too), the problem+json error shape on
 * every one, and request examples that the API itself would accept.
 */
@GridCareTest
class ApiDocumentationTest {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    ObjectMapper json;
    @Autowired
    Validator validator;
    @Autowired
    TestData testData;

    @BeforeEach
    void users() {
        testData.users();
    }

    @Test
    void theDescriptionAndSwaggerUiNeedALogin() {
        var anonymous = Api.at(port);
        for (var path : List.of("/v3/api-docs", "/v3/api-docs/swagger-config", "/swagger-ui/index.html", "/swagger-ui.html")) {
            var answer = anonymous.get(path);
            assertThat(answer.status()).as(path).isEqualTo(401);
            assertThat(answer.headers().get("www-authenticate")).as(path).isNotNull();
        }
        for (var group : List.of(Groups.CUSTOMER_SERVICE, Groups.CHANNEL_SYSTEMS, Groups.RULE_ANALYSTS)) {
            var staff = Api.at(port).as(group);
            assertThat(staff.get("/v3/api-docs").status()).as(group).isEqualTo(200);
            var ui = staff.get("/swagger-ui/index.html");
            assertThat(ui.status()).as(group).isEqualTo(200);
            assertThat(ui.body()).contains("swagger-ui");
        }
    }

    @Test
    void everyOperationUnderApiV1IsDescribedWithItsProblemAnswers() {
        var document = document();
        var operations = handlerOperations();
        assertThat(operations).hasSizeGreaterThanOrEqualTo(20);
        var missing = new ArrayList<String>();
        operations.forEach((operation, handler) -> {
            var parts = operation.split(" ", 2);
            var described = document.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
            if (described.isMissingNode()) {
                missing.add(operation + ": not in /v3/api-docs");
                return;
            }
            if (described.path("summary").asText("").isBlank()) missing.add(operation + ": no summary");
            if (!described.path("description").asText("").contains("gridcare-admins")) {
                missing.add(operation + ": does not say who may call it");
            }
            for (var status : List.of("401", "403", "503")) {
                var schema = described.path("responses").path(status).path("content").path(ApiDocumentation.PROBLEM_JSON)
                        .path("schema").path("$ref").asText();
                if (!schema.equals("#/components/schemas/Problem")) missing.add(operation + ": no problem+json " + status);
            }
            if (parts[1].contains("{") && described.path("responses").path("404").isMissingNode()) {
                missing.add(operation + ": no 404");
            }
        });
        assertThat(missing).isEmpty();
        assertThat(document.path("components").path("schemas").path("Problem").path("properties").fieldNames())
                .toIterable().contains("type", "title", "status", "detail", "instance", "errors");
        assertThat(document.path("components").path("securitySchemes").path("basic").path("scheme").asText())
                .isEqualTo("basic");
        assertThat(document.path("paths").fieldNames()).toIterable().allMatch(p -> p.startsWith("/api/v1/"));
        assertThat(document.path("paths").path("/api/v1/complaints").path("post").path("responses").path("201")
                .isMissingNode()).isFalse();
    }

    @Test
    void everyExampleIsARequestTheApiTakesOrAnAnswerItGives() throws Exception {
        var document = document();
        var operations = handlerOperations();
        var described = ApiDocumentation.described(json);
        assertThat(operations.keySet()).containsAll(described.keySet());
        int examples = 0;
        for (var entry : described.entrySet()) {
            if (entry.getValue().request() == null) continue;
            examples++;
            var handler = operations.get(entry.getKey());
            var body = requestBody(handler);
            assertThat(body).as(entry.getKey() + " takes no JSON body").isNotNull();
            var type = json.getTypeFactory().constructType(body.getGenericParameterType());
            Object value = json.readerFor(type).readValue(entry.getValue().request());
            var violations = value instanceof List<?> list ? list.stream().flatMap(v -> validator.validate(v).stream()).toList()
                    : new ArrayList<>(validator.validate(value));
            assertThat(violations).as(entry.getKey()).isEmpty();
            var parts = entry.getKey().split(" ", 2);
            var shown = document.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT)).path("requestBody")
                    .path("content").path("application/json").path("examples").path("example").path("value");
            assertThat(shown).as(entry.getKey()).isEqualTo(entry.getValue().request());
        }
        assertThat(examples).isGreaterThanOrEqualTo(9);
        int answers = 0;
        for (var entry : described.entrySet()) {
            if (entry.getValue().response() == null) continue;
            answers++;
            var returned = operations.get(entry.getKey()).getReturnType().getGenericParameterType();
            var body = returned instanceof java.lang.reflect.ParameterizedType p
                    && p.getRawType() == org.springframework.http.ResponseEntity.class ? p.getActualTypeArguments()[0] : returned;
            json.readerFor(json.getTypeFactory().constructType(body)).readValue(entry.getValue().response());
            var parts = entry.getKey().split(" ", 2);
            var shown = document.path("paths").path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT)).path("responses")
                    .path(String.valueOf(entry.getValue().success())).path("content").path("application/json")
                    .path("examples").path("example").path("value");
            assertThat(shown).as(entry.getKey()).isEqualTo(entry.getValue().response());
        }
        assertThat(answers).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theDocumentedErrorShapeIsTheOneTheApiAnswers() throws Exception {
        var answer = Api.at(port).as(Groups.CHANNEL_SYSTEMS).post("/api/v1/complaints",
                "{\"customerId\": \"bad id!\", \"channel\": \"HOTLINE\", \"description\": \"x\"}");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith(ApiDocumentation.PROBLEM_JSON);
        var documented = new ArrayList<String>();
        document().path("components").path("schemas").path("Problem").path("properties").fieldNames()
                .forEachRemaining(documented::add);
        var answered = new ArrayList<String>();
        answer.json().fieldNames().forEachRemaining(answered::add);
        assertThat(documented).containsAll(answered);
        assertThat(answer.json().path("errors").get(0).fieldNames()).toIterable().containsExactlyInAnyOrder("field", "message");
    }

    private JsonNode document() {
        var answer = Api.at(port).as(Groups.CUSTOMER_SERVICE).get("/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    /** "POST /api/v1/complaints" to its handler, for every handler mapping under /api/v1. */
    private Map<String, HandlerMethod> handlerOperations() {
        var operations = new TreeMap<String, HandlerMethod>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            var patterns = info.getPathPatternsCondition() == null ? java.util.Set.<String>of()
                    : info.getPathPatternsCondition().getPatternValues();
            for (var pattern : patterns) {
                if (!pattern.startsWith("/api/v1/") && !pattern.equals("/api/v1")) continue;
                for (var method : info.getMethodsCondition().getMethods()) {
                    operations.put(method.name() + " " + pattern, handler);
                }
            }
        });
        return operations;
    }

    private static MethodParameter requestBody(HandlerMethod handler) {
        for (var parameter : handler.getMethodParameters()) {
            if (parameter.hasParameterAnnotation(RequestBody.class)) return parameter;
        }
        return null;
    }
}
