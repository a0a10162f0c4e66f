package com.gridcare.customer;

import com.gridcare.kernel.Identifiers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.api.InvalidFieldException;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;

/**
 * Bulk master-data sync from the billing system: a CSV with the fields of {@code PUT /customers/{id}}
 * plus {@code id}. Each row is checked and saved on its own, exactly as the PUT would: good rows are
 * kept, bad rows are reported by line and field. Saving is an upsert, so sending a file again creates
 * nothing twice.
 */
@Service
class CustomerImport {

    /** What one import did; {@code problems} name the CSV line (1 = header) and the field. */
    record Result(int rows, int created, int updated, int rejected, List<Problem> problems) {}

    record Problem(long line, String field, String message) {}

    static final String ID = "id";
    private static final Pattern ID_FORMAT = Pattern.compile(Identifiers.CUSTOMER_ID);
    private static final Set<String> BOOLEANS = Set.of("criticalLoad", "priorityCare", "greenPreference");
    static final int MAX_ROWS = 10_000;

    private final CustomerService customers;
    private final CustomerErasure erasure;
    private final ObjectMapper json;
    private final Validator validator;
    private final Set<String> fields;

    CustomerImport(CustomerService customers, CustomerErasure erasure, ObjectMapper json, Validator validator) {
        this.customers = customers;
        this.erasure = erasure;
        this.json = json;
        this.validator = validator;
        this.fields = new TreeSet<>();
        for (var component : CustomerMasterData.class.getRecordComponents()) {
            fields.add(component.getName());
        }
    }

    Result importCsv(String csv) {
        List<CSVRecord> records;
        List<String> header;
        try (var parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get().parse(new StringReader(csv))) {
            header = parser.getHeaderNames();
            checkHeader(header);
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidFieldException("body", "not a readable CSV file: " + e.getMessage());
        }
        if (records.size() > MAX_ROWS) {
            throw new InvalidFieldException("body", "at most " + MAX_ROWS + " rows per file, got " + records.size());
        }
        int created = 0;
        int updated = 0;
        var problems = new ArrayList<Problem>();
        for (var record : records) {
            var problem = save(record, header);
            if (problem instanceof Saved saved) {
                if (saved.created()) created++; else updated++;
            } else {
                problems.add(((Rejected) problem).problem());
            }
        }
        return new Result(records.size(), created, updated, problems.size(), problems);
    }

    private void checkHeader(List<String> header) {
        if (header.isEmpty()) {
            throw new InvalidFieldException("body", "the first line must name the columns");
        }
        for (var column : header) {
            if (!column.equals(ID) && !fields.contains(column)) {
                throw new InvalidFieldException("header." + column, "unknown column; columns are id, " + String.join(", ", fields));
            }
        }
        if (!header.contains(ID)) {
            throw new InvalidFieldException("header.id", "the column id is required");
        }
    }

    private sealed interface Outcome permits Saved, Rejected {}

    private record Saved(boolean created) implements Outcome {}

    private record Rejected(Problem problem) implements Outcome {}

    private Outcome save(CSVRecord record, List<String> header) {
        long line = record.getRecordNumber() + 1;
        if (!record.isConsistent()) {
            return new Rejected(new Problem(line, "row", "has " + record.size() + " values for " + header.size() + " columns"));
        }
        var id = record.get(ID);
        if (!ID_FORMAT.matcher(id).matches()) {
            return new Rejected(new Problem(line, ID, Identifiers.CUSTOMER_ID_MESSAGE));
        }
        var values = new LinkedHashMap<String, Object>();
        for (var column : header) {
            var value = record.get(column);
            if (column.equals(ID) || value.isEmpty()) {
                continue;
            }
            if (BOOLEANS.contains(column)) {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    return new Rejected(new Problem(line, column, "must be true or false"));
                }
                values.put(column, Boolean.parseBoolean(value.toLowerCase()));
            } else {
                values.put(column, value);
            }
        }
        CustomerMasterData data;
        try {
            data = json.convertValue(values, CustomerMasterData.class);
        } catch (IllegalArgumentException e) {
            return new Rejected(new Problem(line, fieldOf(e, values), "has a value of the wrong kind"));
        }
        var violations = validator.validate(data);
        if (!violations.isEmpty()) {
            var first = violations.stream()
                    .min((a, b) -> a.getPropertyPath().toString().compareTo(b.getPropertyPath().toString())).get();
            return new Rejected(new Problem(line, first.getPropertyPath().toString(), first.getMessage()));
        }
        if (erasure.erased(id)) {
            return new Rejected(new Problem(line, ID, "customer " + id + " asked to be forgotten; their data is not taken again"));
        }
        try {
            return new Saved(customers.save(id, data));
        } catch (InvalidFieldException e) {
            return new Rejected(new Problem(line, e.field(), e.getMessage()));
        }
    }

    /** The column Jackson could not convert, from its path. */
    private static String fieldOf(IllegalArgumentException e, Map<String, Object> values) {
        if (e.getCause() instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                && !mapping.getPath().isEmpty() && mapping.getPath().get(0).getFieldName() != null) {
            return mapping.getPath().get(0).getFieldName();
        }
        return values.keySet().stream().findFirst().orElse("row");
    }
}
