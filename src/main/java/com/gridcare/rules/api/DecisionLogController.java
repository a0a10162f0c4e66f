package com.gridcare.rules.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.api.NotFoundException;
import com.gridcare.kernel.AllowedGroups;
import com.gridcare.kernel.Groups;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The decision log of a customer: every decision about the customer and its cases, newest first. */
@RestController
@Validated
class DecisionLogController {

    /** One recorded decision. Inputs and outputs as recorded (JSON), the rules as "row 4 '…'". */
    record Entry(String id, String kind, String subjectType, String subjectId, String ruleVersion,
            List<String> firedRules, JsonNode inputs, JsonNode outputs, String explanation, OffsetDateTime decidedAt) {}

    record Page(String customerId, int page, int size, boolean more, List<Entry> decisions) {}

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    DecisionLogController(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @GetMapping("/api/v1/customers/{id}/decisions")
    @AllowedGroups({Groups.CUSTOMER_SERVICE, Groups.KEY_ACCOUNTS, Groups.FIELD_SERVICE, Groups.BILLING, Groups.METERING,
            Groups.SUPERVISORS, Groups.SERVICE_MANAGERS, Groups.SURVEY_TEAM, Groups.CHANNEL_SYSTEMS, Groups.RULE_ANALYSTS})
    Page decisions(
            @PathVariable @Pattern(regexp = "^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$",
                    message = "must be 1 to 32 letters, digits, '-' or '_'") String id,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        if (jdbc.sql("SELECT COUNT(*) FROM customer WHERE id = ?").param(id).query(Integer.class).single() == 0) {
            throw new NotFoundException("No customer " + id);
        }
        var rows = jdbc.sql("""
                SELECT id, kind, subject_type, subject_id, rule_version, fired_rules, inputs, outputs, explanation,
                       decided_at
                  FROM decision WHERE customer_id = ?
                 ORDER BY decided_at DESC, id DESC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY""")
                .params(id, page * size, size + 1)
                .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), lines(rs.getString(6)), parse(rs.getString(7)), parse(rs.getString(8)),
                        rs.getString(9), rs.getObject(10, OffsetDateTime.class)))
                .list();
        boolean more = rows.size() > size;
        return new Page(id, page, size, more, more ? rows.subList(0, size) : rows);
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(text); // recorded text was cut at the column's size
        }
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
