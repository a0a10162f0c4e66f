package com.gridcare.survey;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A customer's surveys, newest first, for the customer's timeline. */
@Service
public class CustomerSurveys {

    /** A survey with the moment that matters most: answered, else invited, else asked for. */
    public record Dated(Survey survey, OffsetDateTime at) {}

    private final JdbcClient jdbc;

    CustomerSurveys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Dated> ofCustomer(String customerId, int limit) {
        return jdbc.sql("""
                SELECT s.*, COALESCE(answered_at, invited_at, created_at) AS shown_at FROM survey s
                 WHERE customer_id = ? ORDER BY shown_at DESC, id DESC FETCH FIRST ? ROWS ONLY""")
                .params(customerId, limit)
                .query((rs, n) -> new Dated(SurveyRepository.map(rs, n), rs.getObject("shown_at", OffsetDateTime.class)))
                .list();
    }
}
