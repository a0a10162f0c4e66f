package com.gridcare.security;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.runtime.WhitelistingDeserializationTypeValidator;

/**
 * The Java types an object variable may have: GridCare's own ({@code deserializationAllowedPackages})
 * and Java's plain values (numbers, text, dates and times) and collections. Camunda's default allows the whole of
 * {@code java.lang} (a {@code ProcessBuilder} among them); this replaces it for reading and, through
 * {@link VariableWriteGuard}, for writing. Generic names such as
 * {@code java.util.ArrayList<java.lang.String>} are allowed when every type in them is.
 */
class VariableTypes implements WhitelistingDeserializationTypeValidator {

    static final Set<String> JAVA_VALUES = Set.of("java.lang.String", "java.lang.Boolean", "java.lang.Byte",
            "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double",
            "java.lang.Character", "java.lang.Number", "java.lang.Object", "java.math.BigDecimal",
            "java.math.BigInteger", "java.util.Date", "java.util.ArrayList", "java.util.Arrays$ArrayList",
            "java.util.LinkedList", "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap",
            "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet", "java.util.List", "java.util.Map",
            "java.util.Set", "java.util.Collection", "java.time.Instant", "java.time.OffsetDateTime",
            "java.time.ZonedDateTime", "java.time.LocalDate", "java.time.LocalDateTime", "java.time.LocalTime",
            "java.time.YearMonth", "java.time.Year", "java.time.Duration", "java.time.Period");
    /** Primitive types and their array codes ({@code [I}, {@code [J}, …). */
    private static final Set<String> PRIMITIVES = Set.of("boolean", "byte", "short", "int", "long", "float", "double",
            "char", "Z", "B", "S", "I", "J", "F", "D", "C");

    private final Set<String> allowedClasses = new HashSet<>(JAVA_VALUES);
    private final Set<String> allowedPackages = new HashSet<>();

    @Override
    public void setAllowedClasses(String classes) {
        allowedClasses.clear();
        allowedClasses.addAll(JAVA_VALUES);
        allowedClasses.addAll(split(classes));
    }

    @Override
    public void setAllowedPackages(String packages) {
        allowedPackages.clear();
        allowedPackages.addAll(split(packages));
    }

    private static Set<String> split(String list) {
        var elements = new HashSet<String>();
        if (list == null) return elements;
        for (var element : list.replaceAll("\\s", "").split(",")) {
            if (!element.isEmpty()) elements.add(element);
        }
        return elements;
    }

    /** Whether every type this (possibly generic or array) type name mentions is allowed. */
    @Override
    public boolean validate(String typeName) {
        if (typeName == null || typeName.isBlank()) return true;
        for (var part : typeName.split("[<>,\\s]+")) {
            if (!part.isEmpty() && !allowedSingle(part)) return false;
        }
        return true;
    }

    private boolean allowedSingle(String name) {
        var type = name;
        while (type.endsWith("[]")) type = type.substring(0, type.length() - 2);
        while (type.startsWith("[")) type = type.substring(1);
        if (type.startsWith("L") && type.endsWith(";")) type = type.substring(1, type.length() - 1);
        if (type.equals("?") || PRIMITIVES.contains(type) || allowedClasses.contains(type)) return true;
        for (var allowed : allowedPackages) {
            if (type.startsWith(allowed + ".")) return true;
        }
        return false;
    }
}
