package com.gridcare.customer;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shows staff a customer's full phone number, e-mail or address when they give a reason, and keeps
 * who saw what, when and why in the access log ({@code customer_access_log}), which administrators
 * read. The entry is written in the same transaction as the value is read: no value without its entry.
 */
@Service
public class ContactReveal {

    /** The value shown; null when the customer has none (or was erased). */
    public record Revealed(String customerId, ContactField field, String value, long accessLogId) {}

    /** One entry of the access log. */
    public record Access(long id, String customerId, ContactField field, String reason, String accessedBy,
            OffsetDateTime accessedAt) {}

    private final CustomerService customers;
    private final JdbcClient jdbc;
    private final Clock clock;

    ContactReveal(CustomerService customers, JdbcClient jdbc, Clock clock) {
        this.customers = customers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public Revealed reveal(String customerId, ContactField field, String reason, String by) {
        var customer = customers.get(customerId);
        var key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO customer_access_log (customer_id, field, reason, accessed_by, accessed_at)
                VALUES (?, ?, ?, ?, ?)""")
                .params(customerId, field.name(), reason, by, OffsetDateTime.now(clock))
                .update(key, "id");
        return new Revealed(customerId, field, field.of(customer), key.getKey().longValue());
    }

    /** The customer's access log, newest first. */
    public List<Access> log(String customerId, int limit) {
        customers.get(customerId);
        return jdbc.sql("""
                SELECT id, customer_id, field, reason, accessed_by, accessed_at FROM customer_access_log
                 WHERE customer_id = ? ORDER BY accessed_at DESC, id DESC FETCH FIRST ? ROWS ONLY""")
                .params(customerId, limit)
                .query((rs, n) -> new Access(rs.getLong(1), rs.getString(2), ContactField.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class)))
                .list();
    }
}
