package com.gridcare.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.gridcare.kernel.Groups;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reading the service report ({@code GET /api/v1/reports/service}) in tests that compare it with hand counts: its
 * JSON, and its Excel workbook.
 */
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

    /**
     * Hand counts in the same shape as {@link #rows}: one SQL grouped by the row's dimensions, key columns first,
     * then one column per figure named.
     */
    public static Map<String, String> handCounts(org.springframework.jdbc.core.simple.JdbcClient jdbc, String sql,
            java.util.List<Object> params, String... figures) {
        var out = new TreeMap<String, String>();
        jdbc.sql(sql).params(params).query((rs, x) -> {
            int keys = rs.getMetaData().getColumnCount() - figures.length;
            var key = new ArrayList<String>();
            for (int k = 1; k <= keys; k++) key.add(rs.getString(k));
            var values = new ArrayList<String>();
            for (int f = 0; f < figures.length; f++) values.add(figures[f] + "=" + n(rs.getObject(keys + f + 1)));
            out.put(String.join("|", key), String.join(",", values));
            return null;
        }).list();
        return out;
    }

    /** A number as the report prints it: no trailing zeros, "-" for none. */
    public static String n(Object v) {
        return v == null ? "-" : new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
    }

    /** The month's report as the Excel workbook a service manager downloads. */
    public static XSSFWorkbook workbook(int port, String month) throws IOException, InterruptedException {
        return workbook(port, month, "");
    }

    /**
     * The month's report, narrowed by {@code filters} ({@code "&tier=KEY"}, say), as the Excel workbook a service
     * manager downloads; fails unless it is answered as one.
     */
    public static XSSFWorkbook workbook(int port, String month, String filters) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/reports/service?month="
                        + month + filters + "&format=xlsx"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (TestData.user(Groups.SERVICE_MANAGERS) + ":" + TestData.PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build();
        var response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as("the workbook of %s%s", month, filters).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type").orElse(""))
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new XSSFWorkbook(new ByteArrayInputStream(response.body()));
    }
}
