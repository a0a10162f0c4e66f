package com.gridcare.servicerequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridcare.api.InvalidFieldException;
import com.gridcare.clock.SupplyType;
import com.gridcare.customer.Area;
import com.gridcare.customer.Customer;
import com.gridcare.customer.CustomerClass;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code details} of a service request, checked per type: every field named in a 400 as
 * {@code details.<field>}, unknown fields refused. The checked values are kept as plain JSON values.
 */
public final class RequestDetails {

    /** Tariffs a customer may change to. */
    enum Tariff { FLAT, TIERED, TIME_OF_USE }

    static final String DOCUMENTS = "documents";
    static final String NOTE = "note";
    static final String VOLTAGE_KV = "voltageKv";
    static final String SUPPLY = "supply";
    static final String CAPACITY_KVA = "capacityKva";
    static final String METER_NUMBER = "meterNumber";
    static final String REASON = "reason";
    static final String MOVE_DATE = "moveDate";
    static final String FINAL_READING_KWH = "finalReadingKwh";
    static final String TARIFF = "tariff";
    static final String AREA = "area";
    static final String FAULT_DESCRIPTION = "faultDescription";
    static final String GREEN_SHARE_PERCENT = "greenSharePercent";
    /** Set by GridCare on proactive meter tests only: the month whose consumption jumped. */
    static final String MONTH = "month";

    /** High voltage from here on: a supply plan approved by key accounts (docs/product-guide.md, "Processes"). */
    public static final BigDecimal HIGH_VOLTAGE_KV = BigDecimal.TEN;

    private static final Pattern METER = Pattern.compile("^[A-Za-z0-9-]{4,32}$");

    private final ServiceRequestType type;
    private final Map<String, Object> values;

    private RequestDetails(ServiceRequestType type, Map<String, Object> values) {
        this.type = type;
        this.values = values;
    }

    static RequestDetails of(ServiceRequestType type, Map<String, Object> values) {
        return new RequestDetails(type, new LinkedHashMap<>(values));
    }

    /** The fields each type accepts besides {@code documents} and {@code note}. */
    static Set<String> fields(ServiceRequestType type) {
        return switch (type) {
            case NEW_CONNECTION, CAPACITY_CHANGE -> Set.of(VOLTAGE_KV, SUPPLY, CAPACITY_KVA);
            case METER_TEST -> Set.of(METER_NUMBER, REASON);
            case MOVE_IN -> Set.of(MOVE_DATE);
            case MOVE_OUT -> Set.of(MOVE_DATE, FINAL_READING_KWH);
            case TARIFF_CHANGE -> Set.of(TARIFF);
            case OUTAGE_REPAIR -> Set.of(AREA, FAULT_DESCRIPTION);
            case GREEN_PLAN_ENROLMENT -> Set.of(GREEN_SHARE_PERCENT);
        };
    }

    /** Checks the details a channel sent for a request of this type. */
    static RequestDetails check(ServiceRequestType type, JsonNode details, LocalDate today) {
        if (details == null || !details.isObject()) {
            throw new InvalidFieldException("details", "must be an object with the fields of a " + type + " request");
        }
        var accepted = new TreeSet<>(fields(type));
        accepted.add(DOCUMENTS);
        accepted.add(NOTE);
        details.fieldNames().forEachRemaining(name -> {
            if (!accepted.contains(name)) {
                throw new InvalidFieldException("details." + name, "is not a field of a " + type + " request; it takes "
                        + String.join(", ", accepted));
            }
        });
        var v = new LinkedHashMap<String, Object>();
        var reader = new Reader(details);
        switch (type) {
            case NEW_CONNECTION, CAPACITY_CHANGE -> {
                v.put(VOLTAGE_KV, reader.number(VOLTAGE_KV, "0.1", "1000", true));
                var supply = reader.code(SUPPLY, SupplyType.class, false);
                v.put(SUPPLY, supply == null ? SupplyType.SINGLE.name() : supply);
                v.put(CAPACITY_KVA, reader.number(CAPACITY_KVA, "0.1", "10000000", true));
            }
            case METER_TEST -> {
                v.put(METER_NUMBER, reader.text(METER_NUMBER, 32, true, METER, "4 to 32 letters, digits or '-'"));
                putIfSet(v, REASON, reader.text(REASON, 500, false, null, null));
            }
            case MOVE_IN, MOVE_OUT -> {
                var date = reader.date(MOVE_DATE, true);
                if (date.isBefore(today.minusDays(90)) || date.isAfter(today.plusYears(1))) {
                    throw new InvalidFieldException("details." + MOVE_DATE, "must lie between 90 days ago and a year "
                            + "from today, was " + date);
                }
                v.put(MOVE_DATE, date.toString());
                if (type == ServiceRequestType.MOVE_OUT) {
                    putIfSet(v, FINAL_READING_KWH, reader.number(FINAL_READING_KWH, "0", "1000000000", false));
                }
            }
            case TARIFF_CHANGE -> v.put(TARIFF, reader.code(TARIFF, Tariff.class, true));
            case OUTAGE_REPAIR -> {
                v.put(AREA, reader.code(AREA, Area.class, true));
                putIfSet(v, FAULT_DESCRIPTION, reader.text(FAULT_DESCRIPTION, 1000, false, null, null));
            }
            case GREEN_PLAN_ENROLMENT -> {
                var share = reader.number(GREEN_SHARE_PERCENT, "10", "100", true);
                if (share.stripTrailingZeros().scale() > 0) {
                    throw new InvalidFieldException("details." + GREEN_SHARE_PERCENT, "must be a whole percentage");
                }
                v.put(GREEN_SHARE_PERCENT, share.intValueExact());
            }
        }
        v.put(DOCUMENTS, reader.documents().stream().map(Enum::name).toList());
        putIfSet(v, NOTE, reader.text(NOTE, 1000, false, null, null));
        return new RequestDetails(type, v);
    }

    private static void putIfSet(Map<String, Object> values, String name, Object value) {
        if (value != null) values.put(name, value);
    }

    public ServiceRequestType type() {
        return type;
    }

    public Map<String, Object> values() {
        return values;
    }

    /** The voltage of the connection concerned, if the type has one. */
    public BigDecimal voltageKv() {
        var value = values.get(VOLTAGE_KV);
        return value == null ? null : new BigDecimal(value.toString());
    }

    public SupplyType supply() {
        var value = values.get(SUPPLY);
        return value == null ? SupplyType.SINGLE : SupplyType.valueOf(value.toString());
    }

    public Area area() {
        var value = values.get(AREA);
        return value == null ? null : Area.valueOf(value.toString());
    }

    public Set<RequestDocument> documents() {
        var value = values.get(DOCUMENTS);
        var documents = EnumSet.noneOf(RequestDocument.class);
        if (value instanceof List<?> list) list.forEach(d -> documents.add(RequestDocument.valueOf(d.toString())));
        return documents;
    }

    /** A line for the case record, without personal data. */
    String summary() {
        return type + " " + values.entrySet().stream().filter(e -> !e.getKey().equals(NOTE))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** The documents the request needs before work can start (the customer's identity, the property, the loads). */
    List<RequestDocument> required(Customer customer) {
        var identity = customer.customerClass() == CustomerClass.RESIDENTIAL ? RequestDocument.ID_CARD
                : RequestDocument.BUSINESS_LICENCE;
        var needed = new LinkedHashSet<RequestDocument>();
        switch (type) {
            case NEW_CONNECTION -> {
                needed.add(identity);
                needed.add(RequestDocument.PROPERTY_CERTIFICATE);
                if (voltageKv().compareTo(HIGH_VOLTAGE_KV) >= 0) needed.add(RequestDocument.LOAD_LIST);
            }
            case CAPACITY_CHANGE -> {
                needed.add(identity);
                needed.add(RequestDocument.LOAD_LIST);
            }
            case MOVE_IN -> {
                needed.add(identity);
                needed.add(RequestDocument.PROPERTY_CERTIFICATE);
            }
            case MOVE_OUT, TARIFF_CHANGE -> needed.add(identity);
            case METER_TEST, OUTAGE_REPAIR, GREEN_PLAN_ENROLMENT -> { }
        }
        return List.copyOf(needed);
    }

    /** Reads and checks single fields, naming them {@code details.<field>}. */
    private record Reader(JsonNode details) {

        BigDecimal number(String name, String min, String max, boolean required) {
            var node = present(name, required);
            if (node == null) return null;
            if (!node.isNumber()) throw invalid(name, "must be a number");
            var value = node.decimalValue();
            if (value.compareTo(new BigDecimal(min)) < 0 || value.compareTo(new BigDecimal(max)) > 0) {
                throw invalid(name, "must be between " + min + " and " + max + ", was " + value.toPlainString());
            }
            return value;
        }

        <E extends Enum<E>> String code(String name, Class<E> codes, boolean required) {
            var node = present(name, required);
            if (node == null) return null;
            var allowed = Arrays.stream(codes.getEnumConstants()).map(Enum::name).toList();
            if (!node.isTextual() || !allowed.contains(node.asText())) {
                throw invalid(name, "must be one of " + String.join(", ", allowed));
            }
            return node.asText();
        }

        String text(String name, int maxLength, boolean required, Pattern pattern, String shape) {
            var node = present(name, required);
            if (node == null) return null;
            if (!node.isTextual() || node.asText().isBlank()) throw invalid(name, "must be a non-empty text");
            var text = node.asText().strip();
            if (text.length() > maxLength) throw invalid(name, "must be at most " + maxLength + " characters");
            if (pattern != null && !pattern.matcher(text).matches()) throw invalid(name, "must be " + shape);
            return text;
        }

        LocalDate date(String name, boolean required) {
            var node = present(name, required);
            if (node == null) return null;
            try {
                if (!node.isTextual()) throw new DateTimeParseException("not a text", node.toString(), 0);
                return LocalDate.parse(node.asText());
            } catch (DateTimeParseException e) {
                throw invalid(name, "must be a date like 2026-10-15");
            }
        }

        List<RequestDocument> documents() {
            var node = details.get(DOCUMENTS);
            if (node == null || node.isNull()) return List.of();
            return RequestDetails.documents(node, "details." + DOCUMENTS);
        }

        private JsonNode present(String name, boolean required) {
            var node = details.get(name);
            if (node == null || node.isNull()) {
                if (required) throw invalid(name, "is required");
                return null;
            }
            return node;
        }

        private static InvalidFieldException invalid(String name, String message) {
            return new InvalidFieldException("details." + name, message);
        }
    }

    /** A list of document codes, checked; {@code field} names it in a 400 ({@code documents[1]}). */
    static List<RequestDocument> documents(JsonNode node, String field) {
        if (!node.isArray() || node.size() > 10) {
            throw new InvalidFieldException(field, "must be a list of at most 10 document codes");
        }
        var documents = new ArrayList<RequestDocument>();
        var allowed = Arrays.stream(RequestDocument.values()).map(Enum::name).toList();
        for (int i = 0; i < node.size(); i++) {
            var item = node.get(i);
            if (!item.isTextual() || !allowed.contains(item.asText())) {
                throw new InvalidFieldException(field + "[" + i + "]", "must be one of " + String.join(", ", allowed));
            }
            documents.add(RequestDocument.valueOf(item.asText()));
        }
        return documents;
    }
}
