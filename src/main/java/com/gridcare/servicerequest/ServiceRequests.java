package com.gridcare.servicerequest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code service_request} rows: a request's details and the documents received so far. */
@Repository
public class ServiceRequests {

    /** A stored request. */
    public record Stored(String caseId, RequestDetails details, Set<RequestDocument> received, boolean proactive) {

        /** The documents the customer has given: with the request, and since. */
        public Set<RequestDocument> documents() {
            var all = EnumSet.noneOf(RequestDocument.class);
            all.addAll(details.documents());
            all.addAll(received);
            return all;
        }
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    ServiceRequests(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(String caseId, RequestDetails details, boolean proactive, String triggerKey, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO service_request (case_id, request_type, details, documents, proactive, trigger_key,
                       created_at, updated_at) VALUES (?, ?, ?, '', ?, ?, ?, ?)""")
                .params(caseId, details.type().name(), write(details.values()), proactive, triggerKey, now, now)
                .update();
    }

    public Optional<Stored> find(String caseId) {
        return jdbc.sql("SELECT * FROM service_request WHERE case_id = ?").param(caseId)
                .query((rs, n) -> new Stored(rs.getString("case_id"),
                        RequestDetails.of(ServiceRequestType.valueOf(rs.getString("request_type")),
                                read(rs.getString("details"))),
                        codes(rs.getString("documents")), rs.getBoolean("proactive")))
                .optional();
    }

    boolean triggered(String triggerKey) {
        return jdbc.sql("SELECT COUNT(*) FROM service_request WHERE trigger_key = ?").param(triggerKey)
                .query(Integer.class).single() > 0;
    }

    /** Adds documents received after the request; the row is locked so that two uploads do not lose one. */
    void addDocuments(String caseId, Set<RequestDocument> documents, OffsetDateTime now) {
        var current = jdbc.sql("SELECT documents FROM service_request WHERE case_id = ? FOR UPDATE").param(caseId)
                .query(String.class).single();
        var all = codes(current);
        all.addAll(documents);
        jdbc.sql("UPDATE service_request SET documents = ?, updated_at = ? WHERE case_id = ?")
                .params(all.stream().map(Enum::name).collect(Collectors.joining(",")), now, caseId).update();
    }

    private static EnumSet<RequestDocument> codes(String text) {
        var set = EnumSet.noneOf(RequestDocument.class);
        if (text != null && !text.isBlank()) {
            Arrays.stream(text.split(",")).map(String::strip).map(RequestDocument::valueOf).forEach(set::add);
        }
        return set;
    }

    private String write(Map<String, Object> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request details not writable as JSON", e);
        }
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored request details are not JSON", e);
        }
    }
}
