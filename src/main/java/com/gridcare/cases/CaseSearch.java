package com.gridcare.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Cases as staff look them up: by number (whole, its start, or the six-digit serial), and every case
 * of a customer for the customer's timeline. Read-only; the case tables stay this package's.
 */
@Service
public class CaseSearch {

    /** A case in a list: what it is about and where it stands (no contact data). */
    public record CaseSummary(String caseId, CaseKind kind, String customerId, Channel channel, String category,
            String description, CaseStatus status, String stage, String tier, String assignedGroup, String assignee,
            Integer priority, String outcome, int escalationLevel, OffsetDateTime receivedAt,
            OffsetDateTime closedAt) {}

    private static final int DESCRIPTION_SHOWN = 300;
    private static final String COLUMNS = """
            id, kind, customer_id, channel, category, description, status, stage, tier, assigned_group, assignee,
            priority, outcome, escalation_level, received_at, closed_at""";

    private final JdbcClient jdbc;

    CaseSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Cases whose number is {@code text}, starts with it, or (digits only) ends with it as the serial. */
    public List<CaseSummary> byNumber(String text, int limit) {
        var upper = text.strip().toUpperCase(Locale.ROOT);
        var serial = upper.matches("\\d{1,6}") ? "%-" + "0".repeat(6 - upper.length()) + upper : null;
        if (serial == null && !upper.matches("[A-Z0-9-]+")) return List.of();
        return jdbc.sql("SELECT " + COLUMNS + " FROM service_case WHERE id LIKE ? OR id LIKE ?"
                        + " ORDER BY received_at DESC, id DESC FETCH FIRST ? ROWS ONLY")
                .params(upper + "%", serial == null ? upper + "%" : serial, limit)
                .query(CaseSearch::summary)
                .list();
    }

    /** The customer's cases, newest first. */
    public List<CaseSummary> ofCustomer(String customerId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM service_case WHERE customer_id = ?"
                        + " ORDER BY received_at DESC, id DESC FETCH FIRST ? ROWS ONLY")
                .params(customerId, limit)
                .query(CaseSearch::summary)
                .list();
    }

    private static CaseSummary summary(ResultSet rs, int row) throws SQLException {
        var description = rs.getString("description");
        if (description != null && description.length() > DESCRIPTION_SHOWN) {
            description = description.substring(0, DESCRIPTION_SHOWN - 1) + "…";
        }
        return new CaseSummary(rs.getString("id"), CaseKind.valueOf(rs.getString("kind")), rs.getString("customer_id"),
                Channel.valueOf(rs.getString("channel")), rs.getString("category"), description,
                CaseStatus.valueOf(rs.getString("status")), rs.getString("stage"), rs.getString("tier"),
                rs.getString("assigned_group"), rs.getString("assignee"), (Integer) rs.getObject("priority"),
                rs.getString("outcome"), rs.getInt("escalation_level"),
                rs.getObject("received_at", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class));
    }
}
