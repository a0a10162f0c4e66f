package com.gridcare.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** Reading the service report's JSON ({@code GET /api/v1/reports/service}) in tests that compare it with hand counts. */
public final class ReportJson {

    private ReportJson() {
    }

    public static JsonNode section(JsonNode report, String id) {
        for (var s : report.path("sections")) {
            if (s.path("id").asText().equals(id)) return s;
        }
        throw new AssertionError("no section " + id + " in " + report);
    }

    /** A section's rows as "key → figure=value, …" for the figures named. */
    public static Map<String, String> rows(JsonNode section, String... figures) {
        var index = new HashMap<String, Integer>();
        int i = 0;
        for (var f : section.path("figures")) index.put(f.path("key").asText(), i++);
        var out = new TreeMap<String, String>();
        for (var row : section.path("rows")) {
            var values = new ArrayList<String>();
            for (var f : figures) {
                var v = row.path("figures").get(index.get(f));
                values.add(f + "=" + (v.isNull() ? "-" : v.decimalValue().stripTrailingZeros().toPlainString()));
            }
            out.put(row.path("key").asText(), String.join(",", values));
        }
        return out;
    }

    /** A number as the report prints it: no trailing zeros, "-" for none. */
    public static String n(Object v) {
        return v == null ? "-" : new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
    }
}
