package com.gridcare.rules.runtime;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The decision log of one customer as staff read it: kind, subject, the why, when. */
@Service
public class CustomerDecisions {

    /** A logged decision without its inputs; {@code outputs} is the recorded answer (JSON). */
    public record Logged(String id, String kind, String subjectType, String subjectId, String outputs,
            String explanation, OffsetDateTime decidedAt) {}

    private final JdbcClient jdbc;

    CustomerDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer's decisions since a moment, newest first. */
    public List<Logged> since(String customerId, OffsetDateTime since, int limit) {
        return jdbc.sql("""
                SELECT id, kind, subject_type, subject_id, outputs, explanation, decided_at FROM decision
                 WHERE customer_id = ? AND decided_at >= ?
                 ORDER BY decided_at DESC, id DESC FETCH FIRST ? ROWS ONLY""")
                .params(customerId, since, limit)
                .query(CustomerDecisions::logged)
                .list();
    }

    /** The latest decision of a kind about the customer or one of their cases (e.g. their tier), if any. */
    public Optional<Logged> latest(String customerId, String kind) {
        return jdbc.sql("""
                SELECT id, kind, subject_type, subject_id, outputs, explanation, decided_at FROM decision
                 WHERE customer_id = ? AND kind = ?
                 ORDER BY decided_at DESC, id DESC FETCH FIRST 1 ROWS ONLY""")
                .params(customerId, kind)
                .query(CustomerDecisions::logged)
                .optional();
    }

    private static Logged logged(ResultSet rs, int row) throws SQLException {
        return new Logged(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getObject(7, OffsetDateTime.class));
    }
}
