package com.gridcare.insight;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rows of each section of a closed month, per filter, kept once computed ({@code service_report_rollup}): a
 * closed month's facts no longer change (clocks are decided, escalations raised, surveys answered, tiers moved and
 * offers granted at the time they happen), so its report is read, not summed again. The running month is always
 * computed. A rollup made by another shape of the section (dimensions, figures, {@link #RULES}) is recomputed.
 */
@Repository
class ReportRollups {

    /** Bumped when how facts are summed into rows changes, so that older rollups are recomputed. */
    static final String RULES = "1";

    private static final TypeReference<List<ServiceReport.Row>> ROWS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    ReportRollups(JdbcClient jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    static String filters(ReportScope scope) {
        return String.join("|", blank(scope.group()), blank(scope.category()), blank(scope.tier()), blank(scope.channel()));
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }

    /** The section's shape: its id, dimensions and figures with their kinds, and {@link #RULES}. */
    static String version(ReportSection section) {
        var shape = new StringBuilder(RULES).append(';').append(section.id());
        section.dimensions().forEach(d -> shape.append(';').append(d.key()));
        section.figures().forEach(f -> shape.append(';').append(f.key()).append(':').append(f.kind())
                .append(':').append(f.numerator()).append('/').append(f.denominator()));
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(shape.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<List<ServiceReport.Row>> find(ReportScope scope, ReportSection section) {
        return jdbc.sql("""
                SELECT rows_json FROM service_report_rollup
                 WHERE report_month = ? AND filters = ? AND section_id = ? AND version = ?""")
                .params(scope.month().toString(), filters(scope), section.id(), version(section))
                .query(String.class).optional().map(this::read);
    }

    /** Keeps the rows (replacing a rollup of another version); a rollup written meanwhile by another call stays. */
    void save(ReportScope scope, ReportSection section, List<ServiceReport.Row> rows) {
        var month = scope.month().toString();
        var filters = filters(scope);
        String text;
        try {
            text = json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        jdbc.sql("DELETE FROM service_report_rollup WHERE report_month = ? AND filters = ? AND section_id = ? AND version <> ?")
                .params(month, filters, section.id(), version(section)).update();
        try {
            jdbc.sql("""
                    INSERT INTO service_report_rollup (report_month, filters, section_id, version, rows_json, computed_at)
                    SELECT ?, ?, ?, ?, ?, ?
                     WHERE NOT EXISTS (SELECT 1 FROM service_report_rollup WHERE report_month = ? AND filters = ? AND section_id = ?)""")
                    .params(month, filters, section.id(), version(section), text, OffsetDateTime.now(clock), month, filters,
                            section.id())
                    .update();
        } catch (DataIntegrityViolationException raced) {
            // another call kept the same rows first
        }
    }

    private List<ServiceReport.Row> read(String text) {
        try {
            return json.readValue(text, ROWS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a service report rollup that does not read: " + e.getMessage(), e);
        }
    }
}
