package com.gridcare.rules.authoring;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads and writes the fields of fact objects by name, converting from and to the text of a
 * spreadsheet cell, with messages a spreadsheet user understands ("'abc' is not a number").
 */
public final class FactBinder {

    /** A cell's text that does not fit the field. */
    public static class ValueException extends RuntimeException {
        public ValueException(String message) {
            super(message);
        }
    }

    private static final DateTimeFormatter SPREADSHEET_DATE = DateTimeFormatter.ofPattern("d-MMM-yyyy", Locale.ENGLISH);

    private FactBinder() {
    }

    /** The fields a rule or an example can read: bean getters ({@code getX}, {@code isX}) and public fields. */
    public static Set<String> readable(Class<?> type) {
        var names = new TreeSet<String>();
        for (var m : type.getMethods()) {
            if (m.getParameterCount() != 0 || m.getDeclaringClass() == Object.class || Modifier.isStatic(m.getModifiers())) {
                continue;
            }
            var n = m.getName();
            if (n.startsWith("get") && n.length() > 3 && m.getReturnType() != void.class) names.add(decapitalize(n.substring(3)));
            if (n.startsWith("is") && n.length() > 2 && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
                names.add(decapitalize(n.substring(2)));
            }
        }
        for (var f : type.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) names.add(f.getName());
        }
        return names;
    }

    /** The fields an example can set: single-argument setters and public non-final fields. */
    public static Set<String> writable(Class<?> type) {
        var names = new TreeSet<String>();
        for (var m : type.getMethods()) {
            if (m.getName().startsWith("set") && m.getName().length() > 3 && m.getParameterCount() == 1
                    && !Modifier.isStatic(m.getModifiers())) {
                names.add(decapitalize(m.getName().substring(3)));
            }
        }
        for (var f : type.getFields()) {
            if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isFinal(f.getModifiers())) names.add(f.getName());
        }
        return names;
    }

    /** The type of a readable field, following a dotted path; empty when there is no such field. */
    public static Optional<Class<?>> readableType(Class<?> type, String path) {
        Class<?> current = type;
        for (var part : path.split("\\.")) {
            var getter = getter(current, part);
            if (getter.isPresent()) {
                current = getter.get().getReturnType();
                continue;
            }
            var field = publicField(current, part);
            if (field.isEmpty()) return Optional.empty();
            current = field.get().getType();
        }
        return Optional.of(current);
    }

    /** Sets a field from a cell's text. @throws ValueException when the field is unknown or the text does not fit */
    public static void set(Object target, String field, String text) {
        var type = target.getClass();
        var setter = setter(type, field);
        try {
            if (setter.isPresent()) {
                var m = setter.get();
                m.invoke(target, convert(text, m.getParameterTypes()[0], m.getGenericParameterTypes()[0]));
                return;
            }
            var f = publicField(type, field).filter(x -> !Modifier.isFinal(x.getModifiers()));
            if (f.isPresent()) {
                f.get().set(target, convert(text, f.get().getType(), f.get().getGenericType()));
                return;
            }
        } catch (ReflectiveOperationException e) {
            var cause = e.getCause() == null ? e : e.getCause();
            throw new ValueException("'" + text + "' cannot be set as " + field + ": " + cause.getMessage());
        }
        throw new ValueException(unknownField(type, field, writable(type)));
    }

    /** Reads a field (a dotted path is followed). @throws ValueException when the field is unknown */
    public static Object get(Object target, String path) {
        Object current = target;
        for (var part : path.split("\\.")) {
            if (current == null) return null;
            var type = current.getClass();
            try {
                var getter = getter(type, part);
                if (getter.isPresent()) {
                    current = getter.get().invoke(current);
                    continue;
                }
                var field = publicField(type, part);
                if (field.isPresent()) {
                    current = field.get().get(current);
                    continue;
                }
            } catch (ReflectiveOperationException e) {
                var cause = e.getCause() == null ? e : e.getCause();
                throw new ValueException("cannot read " + path + ": " + cause);
            }
            throw new ValueException(unknownField(type, part, readable(type)));
        }
        return current;
    }

    static String unknownField(Class<?> type, String field, Set<String> known) {
        var close = known.stream().filter(k -> distance(k.toLowerCase(Locale.ROOT), field.toLowerCase(Locale.ROOT)) <= 2)
                .findFirst();
        return "unknown field '" + field + "' of " + type.getSimpleName()
                + close.map(c -> " (did you mean '" + c + "'?)").orElse("")
                + "; its fields are " + String.join(", ", known);
    }

    /** Converts a cell's text to a value of the given type. */
    public static Object convert(String text, Class<?> type, Type genericType) {
        var value = text == null ? "" : text.trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (type == String.class) return value;
        if (value.isEmpty()) {
            if (type.isPrimitive()) return type == boolean.class ? false : convert("0", type, type);
            if (Collection.class.isAssignableFrom(type)) return Set.class.isAssignableFrom(type) ? new LinkedHashSet<>() : new ArrayList<>();
            return null;
        }
        try {
            if (type == int.class || type == Integer.class) return Integer.valueOf(wholeNumber(value));
            if (type == long.class || type == Long.class) return Long.valueOf(wholeNumber(value));
            if (type == short.class || type == Short.class) return Short.valueOf(wholeNumber(value));
            if (type == double.class || type == Double.class) return Double.valueOf(number(value));
            if (type == float.class || type == Float.class) return Float.valueOf(number(value));
            if (type == BigDecimal.class) return new BigDecimal(number(value));
        } catch (NumberFormatException e) {
            throw new ValueException("'" + text + "' is not " + (isWholeNumber(type) ? "a whole number" : "a number")
                    + (value.endsWith("%") ? " (write 0.95 for 95 %, without the % sign)" : ""));
        }
        if (type == boolean.class || type == Boolean.class) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "y", "1" -> true;
                case "false", "no", "n", "0" -> false;
                default -> throw new ValueException("'" + text + "' is not true or false");
            };
        }
        if (type.isEnum()) return enumConstant(type, value);
        try {
            if (type == LocalDate.class) return date(value);
            if (type == LocalDateTime.class) return LocalDateTime.parse(value);
            if (type == LocalTime.class) return LocalTime.parse(value);
            if (type == OffsetDateTime.class) return OffsetDateTime.parse(value);
            if (type == ZonedDateTime.class) return ZonedDateTime.parse(value);
            if (type == Instant.class) return Instant.parse(value);
            if (type == Duration.class) return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new ValueException("'" + text + "' is not " + switch (type.getSimpleName()) {
                case "LocalDate" -> "a date like 2026-09-18";
                case "LocalTime" -> "a time like 08:30";
                case "Duration" -> "a duration like PT4H";
                default -> "a date and time like 2026-09-18T16:00+08:00";
            });
        }
        if (Collection.class.isAssignableFrom(type)) {
            Class<?> element = String.class;
            if (genericType instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
                element = c;
            }
            var items = new ArrayList<Object>();
            for (var item : value.split("[,;]")) {
                if (!item.isBlank()) items.add(convert(item, element, element));
            }
            return Set.class.isAssignableFrom(type) ? new LinkedHashSet<>(items) : items;
        }
        throw new ValueException("a " + type.getSimpleName() + " cannot be written in a cell");
    }

    private static boolean isWholeNumber(Class<?> type) {
        return type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == short.class || type == Short.class;
    }

    private static String number(String value) {
        return value.replace(",", "").replace("_", "").replace(" ", "");
    }

    private static String wholeNumber(String value) {
        var n = number(value);
        return n.endsWith(".0") ? n.substring(0, n.length() - 2) : n;
    }

    private static Object date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return LocalDate.parse(value, SPREADSHEET_DATE);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object enumConstant(Class<?> type, String value) {
        for (var constant : type.getEnumConstants()) {
            if (((Enum) constant).name().equalsIgnoreCase(value.trim())) return constant;
        }
        throw new ValueException("'" + value + "' is not one of " + Arrays.stream(type.getEnumConstants())
                .map(c -> ((Enum) c).name()).collect(Collectors.joining(", ")));
    }

    /** Whether the actual value is what the cell's text says; "*" accepts anything, empty means none. */
    public static boolean matches(String expected, Object actual) {
        var text = expected == null ? "" : expected.trim();
        if (text.equals("*")) return true;
        if (text.isEmpty()) {
            return actual == null || actual.equals(false) || (actual instanceof Collection<?> c && c.isEmpty())
                    || (actual instanceof Number n && n.doubleValue() == 0) || actual.toString().isEmpty();
        }
        if (actual == null) return false;
        if (actual instanceof Collection<?> collection) {
            var want = new TreeSet<String>();
            for (var item : text.split("[,;]")) if (!item.isBlank()) want.add(item.trim().toUpperCase(Locale.ROOT));
            var have = new TreeSet<String>();
            for (var item : collection) have.add(String.valueOf(item instanceof Enum<?> e ? e.name() : item).toUpperCase(Locale.ROOT));
            return want.equals(have);
        }
        if (actual instanceof Number number) {
            try {
                return new BigDecimal(number(text)).compareTo(new BigDecimal(number.toString())) == 0
                        || Math.abs(Double.parseDouble(number(text)) - number.doubleValue()) < 1e-9;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (actual instanceof Enum<?> e) return e.name().equalsIgnoreCase(text);
        if (actual instanceof Boolean) {
            try {
                return actual.equals(convert(text, Boolean.class, Boolean.class));
            } catch (ValueException e) {
                return false;
            }
        }
        try {
            return actual.equals(convert(text, actual.getClass(), actual.getClass()));
        } catch (ValueException e) {
            return actual.toString().equals(text);
        }
    }

    /** A value as an example's cell would show it. */
    public static String show(Object value) {
        if (value == null) return "(none)";
        if (value instanceof Collection<?> c) {
            return c.isEmpty() ? "(none)" : c.stream().map(FactBinder::show).collect(Collectors.joining(", "));
        }
        if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) return String.valueOf(d.longValue());
        if (value instanceof BigDecimal b) return b.stripTrailingZeros().toPlainString();
        if (value instanceof Enum<?> e) return e.name();
        return value.toString();
    }

    private static Optional<Method> setter(Class<?> type, String field) {
        var name = "set" + capitalize(field);
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equalsIgnoreCase(name) && m.getParameterCount() == 1
                        && !Modifier.isStatic(m.getModifiers()))
                .findFirst();
    }

    private static Optional<Method> getter(Class<?> type, String field) {
        for (var prefix : List.of("get", "is")) {
            var name = prefix + capitalize(field);
            for (var m : type.getMethods()) {
                if (m.getName().equalsIgnoreCase(name) && m.getParameterCount() == 0 && m.getReturnType() != void.class
                        && !Modifier.isStatic(m.getModifiers())) {
                    return Optional.of(m);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Field> publicField(Class<?> type, String field) {
        return Arrays.stream(type.getFields()).filter(f -> f.getName().equals(field) && !Modifier.isStatic(f.getModifiers()))
                .findFirst();
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String decapitalize(String s) {
        if (s.length() > 1 && Character.isUpperCase(s.charAt(0)) && Character.isUpperCase(s.charAt(1))) return s;
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    static int distance(String a, String b) {
        var d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1),
                        d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
        }
        return d[a.length()][b.length()];
    }
}
