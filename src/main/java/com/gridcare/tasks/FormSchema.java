package com.gridcare.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The input fields of a Camunda Form (form-js JSON) and their validation: what a submission of
 * the form may contain. Layout components (text, spacer, image…) hold no data; groups are searched.
 */
record FormSchema(Map<String, Field> fields) {

    enum Kind { TEXT, NUMBER, BOOLEAN, CHOICE, CHOICES, DATE, TIME, DATETIME }

    /**
     * One input field.
     *
     * @param options allowed values of a select, radio, checklist or taglist with static values; empty: any
     * @param required required and always shown (a field hidden by a condition is not enforced)
     */
    record Field(String key, String label, Kind kind, boolean required, boolean readOnly, Integer minLength,
            Integer maxLength, String pattern, String validationType, Double min, Double max, Set<String> options) {}

    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("textfield", Kind.TEXT), Map.entry("textarea", Kind.TEXT), Map.entry("number", Kind.NUMBER),
            Map.entry("checkbox", Kind.BOOLEAN), Map.entry("select", Kind.CHOICE), Map.entry("radio", Kind.CHOICE),
            Map.entry("checklist", Kind.CHOICES), Map.entry("taglist", Kind.CHOICES),
            Map.entry("datetime", Kind.DATETIME));

    static FormSchema parse(JsonNode form) {
        var fields = new LinkedHashMap<String, Field>();
        collect(form.path("components"), fields);
        return new FormSchema(fields);
    }

    private static void collect(JsonNode components, Map<String, Field> fields) {
        for (var component : components) {
            var type = component.path("type").asText("");
            if (component.has("components")) {
                collect(component.path("components"), fields);
            }
            var kind = KINDS.get(type);
            var key = component.path("key").asText("");
            if (kind == null || key.isEmpty()) {
                continue;
            }
            if (kind == Kind.DATETIME) {
                kind = switch (component.path("subtype").asText("datetime")) {
                    case "date" -> Kind.DATE;
                    case "time" -> Kind.TIME;
                    default -> Kind.DATETIME;
                };
            }
            var validate = component.path("validate");
            var hidden = component.path("conditional").has("hide");
            var options = new LinkedHashSet<String>();
            for (var value : component.path("values")) {
                options.add(value.path("value").asText());
            }
            fields.put(key, new Field(key, component.path("label").asText(key), kind,
                    isTrue(validate.path("required")) && !hidden,
                    isTrue(component.path("readonly")) || isTrue(component.path("disabled")),
                    integer(validate.path("minLength")), integer(validate.path("maxLength")),
                    validate.hasNonNull("pattern") ? validate.path("pattern").asText() : null,
                    validate.hasNonNull("validationType") ? validate.path("validationType").asText() : null,
                    number(validate.path("min")), number(validate.path("max")), Set.copyOf(options)));
        }
    }

    /** A literal {@code true}; FEEL expressions ("=…") are evaluated in the browser only and count as false. */
    private static boolean isTrue(JsonNode node) {
        return node.isBoolean() && node.asBoolean();
    }

    private static Integer integer(JsonNode node) {
        return node.isNumber() ? node.asInt() : null;
    }

    private static Double number(JsonNode node) {
        return node.isNumber() ? node.asDouble() : null;
    }

    List<String> keys() {
        return new ArrayList<>(fields.keySet());
    }
}
