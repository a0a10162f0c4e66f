package com.gridcare.api;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.kernel.AllowedGroups;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI description of {@code /api/v1} ({@code /v3/api-docs}, Swagger UI at
 * {@code /swagger-ui.html}, both for logged-in users only). Springdoc reads the operations from the
 * controllers; this adds what it cannot know: HTTP Basic, who may call each operation (from
 * {@link AllowedGroups}), the {@code application/problem+json} answers every operation can give, and
 * a summary, request and answer examples per operation from {@code api/operations.json} (an
 * operation's own {@code @Operation} annotation wins).
 */
@Configuration
class ApiDocumentation {

    static final String OPERATIONS = "api/operations.json";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "Problem";
    private static final String BASIC = "basic";

    /** What api/operations.json says about one operation ("POST /api/v1/complaints"). */
    record Described(String summary, String description, int success, JsonNode request, JsonNode response, int[] errors) {}

    @Bean
    OpenAPI gridCareApi() {
        return new OpenAPI()
                .info(new Info().title("GridCare API").version("v1").description("""
                        Channel systems, staff tools and rule analysts talk to GridCare through /api/v1: JSON in and \
                        out, HTTP Basic with a GridCare user (the same users and groups as Tasklist). Every error is \
                        application/problem+json; a client mistake (4xx) names the field at fault in `errors`. A POST \
                        with an `Idempotency-Key` header returns the first answer when retried, never a second case."""))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("a GridCare user and password")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    @Bean
    OperationCustomizer allowedGroups() {
        return (operation, handler) -> {
            var groups = allowedGroups(handler);
            var who = groups == null ? "Only gridcare-admins."
                    : "Allowed groups: " + String.join(", ", new TreeSet<>(Arrays.asList(groups))) + " (and gridcare-admins).";
            operation.setDescription(operation.getDescription() == null ? who : operation.getDescription() + "\n\n" + who);
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer summariesExamplesAndProblems(ObjectMapper json) {
        var described = described(json);
        return api -> {
            // springdoc builds the schemas from the controllers: the problem shape is added afterwards
            api.getComponents().addSchemas(PROBLEM, problemSchema());
            var tags = new TreeSet<String>();
            api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                var about = described.get(method + " " + path);
                if (about != null) describe(operation, about);
                addProblems(path, operation, about);
                // grouped by what they are about (/api/v1/complaints/... -> complaints), not by controller class
                var tag = path.replaceFirst("^/api/v1/", "").split("/")[0];
                operation.setTags(List.of(tag));
                tags.add(tag);
            }));
            api.setTags(tags.stream().map(name -> new Tag().name(name)).toList());
        };
    }

    static Map<String, Described> described(ObjectMapper json) {
        try (var in = new ClassPathResource(OPERATIONS).getInputStream()) {
            var operations = new LinkedHashMap<String, Described>();
            json.readTree(in).fields().forEachRemaining(e -> {
                var node = e.getValue();
                var errors = new int[node.path("errors").size()];
                for (int i = 0; i < errors.length; i++) errors[i] = node.path("errors").get(i).asInt();
                operations.put(e.getKey(), new Described(node.path("summary").asText(null),
                        node.path("description").asText(null), node.path("success").asInt(200), node.get("request"), node.get("response"), errors));
            });
            return operations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void describe(Operation operation, Described about) {
        if (operation.getSummary() == null) operation.setSummary(about.summary());
        if (about.description() != null) {
            operation.setDescription(about.description() + (operation.getDescription() == null ? ""
                    : "\n\n" + operation.getDescription()));
        }
        var responses = operation.getResponses();
        var success = String.valueOf(about.success());
        if (responses != null && about.success() != 200 && responses.containsKey("200") && !responses.containsKey(success)) {
            var answer = responses.remove("200");
            if (about.success() == 204) answer.setContent(null);
            answer.setDescription(org.springframework.http.HttpStatus.valueOf(about.success()).getReasonPhrase());
            responses.addApiResponse(success, answer);
        }
        var answer = responses == null ? null : responses.get(success);
        if (about.response() != null && answer != null && answer.getContent() != null) {
            answer.getContent().forEach((type, media) -> {
                if (type.contains("json")) media.addExamples("example", new Example().value(about.response()));
            });
        }
        if (about.request() != null && operation.getRequestBody() != null
                && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().forEach((type, media) -> {
                if (type.contains("json")) media.addExamples("example", new Example().value(about.request()));
            });
        }
    }

    private static void addProblems(String path, Operation operation, Described about) {
        var responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (takesInput) problem(responses, 400, "Invalid request: `detail` and `errors` name each field at fault");
        problem(responses, 401, "No or wrong HTTP Basic credentials");
        problem(responses, 403, "The user's groups may not call this operation");
        if (path.contains("{")) problem(responses, 404, "Nothing with this id");
        if (about != null) {
            for (int status : about.errors()) {
                switch (status) {
                    case 409 -> problem(responses, 409, "Conflict with the current state (already done, taken by someone else, or an Idempotency-Key reused for another request)");
                    case 413 -> problem(responses, 413, "The request is larger than GridCare takes");
                    case 422 -> problem(responses, 422, "Understood but refused: `detail` says why, `result` holds every problem");
                    default -> problem(responses, status, "See `detail`");
                }
            }
        }
        problem(responses, 503, "The database cannot be reached; nothing was changed. Retry after `Retry-After` seconds with the same Idempotency-Key");
        operation.setResponses(responses);
    }

    private static void problem(ApiResponses responses, int status, String description) {
        var code = String.valueOf(status);
        var media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                .addExamples(code, new Example().value(problemExample(status)));
        var existing = responses.get(code);
        if (existing == null) {
            responses.addApiResponse(code, new ApiResponse().description(description)
                    .content(new Content().addMediaType(PROBLEM_JSON, media)));
        } else {
            // springdoc copies the advice's ProblemDetail answers under */*: say what they are
            var content = existing.getContent() == null ? new Content() : existing.getContent();
            content.remove("*/*");
            content.addMediaType(PROBLEM_JSON, media);
            existing.content(content);
            if (existing.getDescription() == null || existing.getDescription().isBlank()
                    || existing.getDescription().equals(org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase())) {
                existing.description(description);
            }
        }
    }

    private static Map<String, Object> problemExample(int status) {
        var example = new LinkedHashMap<String, Object>();
        example.put("type", "about:blank");
        switch (status) {
            case 400 -> {
                example.put("title", "Invalid request");
                example.put("status", 400);
                example.put("detail", "category: must not be null; customerId: must be 1 to 32 letters, digits, '-' or '_'");
                example.put("instance", "/api/v1/complaints");
                example.put("errors", java.util.List.of(
                        Map.of("field", "category", "message", "must not be null"),
                        Map.of("field", "customerId", "message", "must be 1 to 32 letters, digits, '-' or '_'")));
            }
            case 401 -> {
                example.put("title", "Authentication required");
                example.put("status", 401);
                example.put("detail", "Send HTTP Basic credentials of a GridCare user");
            }
            case 503 -> {
                example.put("title", "Service unavailable");
                example.put("status", 503);
                example.put("detail", "GridCare cannot reach its database; nothing was changed. Retry with the same Idempotency-Key.");
            }
            default -> {
                var reason = org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase();
                example.put("title", reason);
                example.put("status", status);
                example.put("detail", "what went wrong, in one sentence");
            }
        }
        return example;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        var fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the request field, parameter or header at fault"))
                .addProperty("message", new StringSchema().description("what is wrong with it"));
        return new ObjectSchema()
                .description("RFC 9457 problem details, as every GridCare error is answered (application/problem+json)")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().description("the kind of problem").example("Invalid request"))
                .addProperty("status", new IntegerSchema().description("the HTTP status").example(400))
                .addProperty("detail", new StringSchema().description("what went wrong, naming the field"))
                .addProperty("instance", new StringSchema().description("the request path"))
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("400 only: one entry per field at fault"));
    }

    private static String[] allowedGroups(HandlerMethod handler) {
        var annotation = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), AllowedGroups.class);
        if (annotation == null) {
            annotation = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), AllowedGroups.class);
        }
        return annotation == null ? null : annotation.value();
    }
}
