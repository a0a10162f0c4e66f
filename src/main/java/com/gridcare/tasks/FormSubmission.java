package com.gridcare.tasks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.api.InvalidFieldException;
import com.gridcare.kernel.process.ProcessVariables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Checks the variables submitted to complete a task against the task's form and turns them into
 * process variables, as Tasklist would store them. Every problem names its field
 * ({@code variables.<key>}). Without a Camunda Form, plain values (text, number, true/false) with
 * simple names are accepted. Never accepted: the variables the processes keep (case id, routing…).
 */
final class FormSubmission {

    static final String PREFIX = "variables.";
    private static final int MAX_TEXT = 4000;
    private static final Pattern NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9_]{0,63}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ()-]{5,19}$");

    /** The variables the processes keep: set by them, never by a form submission. */
    static final Set<String> PROCESS_OWNED = ProcessVariables.KEPT;

    private final ObjectMapper json;

    FormSubmission(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param form the task's form, or null when it has none GridCare can read
     * @param current the variables the task sees now (a read-only field may be sent back unchanged)
     */
    VariableMap validate(FormSchema form, Map<String, Object> submitted, Map<String, Object> current) {
        var variables = Variables.createVariables();
        var sorted = new TreeMap<String, Object>(submitted);
        if (form == null) {
            for (var entry : sorted.entrySet()) {
                variables.put(entry.getKey(), plain(entry.getKey(), entry.getValue()));
            }
            return variables;
        }
        for (var entry : sorted.entrySet()) {
            var field = form.fields().get(entry.getKey());
            if (field == null) {
                throw invalid(entry.getKey(), "is not a field of this task's form (fields: " + form.keys() + ")");
            }
            if (field.readOnly()) {
                if (!sameValue(entry.getValue(), current.get(field.key()))) {
                    throw invalid(field.key(), "is read-only");
                }
                continue;
            }
            if (PROCESS_OWNED.contains(field.key())) {
                throw invalid(field.key(), "is set by the process and cannot be changed here");
            }
            if (!empty(entry.getValue())) {
                variables.put(field.key(), typed(field, entry.getValue()));
            }
        }
        for (var field : form.fields().values()) {
            if (field.required() && !field.readOnly() && empty(submitted.get(field.key()))) {
                throw invalid(field.key(), "is required");
            }
        }
        return variables;
    }

    private Object plain(String name, Object value) {
        if (!NAME.matcher(name).matches()) {
            throw invalid(name, "is not a valid variable name (letters, digits and '_', starting with a letter)");
        }
        if (PROCESS_OWNED.contains(name)) {
            throw invalid(name, "is set by the process and cannot be changed here");
        }
        if (value == null || value instanceof Boolean) return value;
        if (value instanceof String text) return text(name, text, null);
        if (value instanceof Number number) return number(number);
        throw invalid(name, "must be text, a number or true/false");
    }

    private Object typed(FormSchema.Field field, Object value) {
        var key = field.key();
        return switch (field.kind()) {
            case TEXT -> {
                if (!(value instanceof String text)) throw invalid(key, "must be text");
                yield text(key, text, field);
            }
            case NUMBER -> {
                if (!(value instanceof Number number)) throw invalid(key, "must be a number");
                var n = number.doubleValue();
                if (field.min() != null && n < field.min()) throw invalid(key, "must be at least " + show(field.min()));
                if (field.max() != null && n > field.max()) throw invalid(key, "must be at most " + show(field.max()));
                yield number(number);
            }
            case BOOLEAN -> {
                if (!(value instanceof Boolean)) throw invalid(key, "must be true or false");
                yield value;
            }
            case CHOICE -> {
                if (!(value instanceof String text)) throw invalid(key, "must be one of " + field.options());
                if (!field.options().isEmpty() && !field.options().contains(text)) {
                    throw invalid(key, "must be one of " + field.options());
                }
                yield text;
            }
            case CHOICES -> {
                if (!(value instanceof Collection<?> list) || !list.stream().allMatch(v -> v instanceof String)) {
                    throw invalid(key, "must be a list of texts");
                }
                if (!field.options().isEmpty() && !field.options().containsAll(list)) {
                    throw invalid(key, "may only contain " + field.options());
                }
                try {
                    yield SpinValues.jsonValue(json.writeValueAsString(list)).create();
                } catch (JsonProcessingException e) {
                    throw invalid(key, "must be a list of texts");
                }
            }
            case DATE -> parsed(key, value, "a date like 2026-10-12", LocalDate::parse);
            case TIME -> parsed(key, value, "a time like 14:30", LocalTime::parse);
            case DATETIME -> parsed(key, value, "a date and time with offset like 2026-10-12T14:30:00+08:00",
                    OffsetDateTime::parse);
        };
    }

    private String text(String key, String text, FormSchema.Field field) {
        if (text.length() > MAX_TEXT) throw invalid(key, "must be at most " + MAX_TEXT + " characters");
        if (field == null) return text;
        var length = text.strip().length();
        if (field.minLength() != null && length < field.minLength()) {
            throw invalid(key, "must be at least " + field.minLength() + " characters");
        }
        if (field.maxLength() != null && text.length() > field.maxLength()) {
            throw invalid(key, "must be at most " + field.maxLength() + " characters");
        }
        if (field.pattern() != null && !matches(field.pattern(), text)) {
            throw invalid(key, "does not have the expected format");
        }
        if ("email".equals(field.validationType()) && !EMAIL.matcher(text).matches()) {
            throw invalid(key, "must be an e-mail address");
        }
        if ("phone".equals(field.validationType()) && !PHONE.matcher(text).matches()) {
            throw invalid(key, "must be a phone number");
        }
        return text;
    }

    private static boolean matches(String pattern, String text) {
        try {
            return Pattern.compile(pattern).matcher(text).matches();
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("the form's pattern " + pattern + " is not a valid regular expression", e);
        }
    }

    private static Object number(Number number) {
        if (number instanceof Integer || number instanceof Long) return number.longValue();
        var decimal = new BigDecimal(number.toString());
        if (decimal.stripTrailingZeros().scale() <= 0) {
            try {
                return decimal.longValueExact();
            } catch (ArithmeticException tooLarge) {
                return decimal.doubleValue();
            }
        }
        return decimal.doubleValue();
    }

    private static String parsed(String key, Object value, String expected,
            Function<String, ?> parser) {
        if (!(value instanceof String text)) throw invalid(key, "must be " + expected);
        try {
            parser.apply(text);
            return text;
        } catch (DateTimeParseException e) {
            throw invalid(key, "must be " + expected);
        }
    }

    private static boolean empty(Object value) {
        return value == null || (value instanceof String s && s.isBlank())
                || (value instanceof Collection<?> c && c.isEmpty());
    }

    private static boolean sameValue(Object submitted, Object current) {
        if (submitted instanceof Number a && current instanceof Number b) {
            return new BigDecimal(a.toString()).compareTo(new BigDecimal(b.toString())) == 0;
        }
        return Objects.equals(submitted == null ? null : submitted.toString(),
                current == null ? null : current.toString());
    }

    private static String show(double n) {
        return n == Math.rint(n) ? String.valueOf((long) n) : String.valueOf(n);
    }

    private static InvalidFieldException invalid(String key, String reason) {
        return new InvalidFieldException(PREFIX + key, reason);
    }
}
