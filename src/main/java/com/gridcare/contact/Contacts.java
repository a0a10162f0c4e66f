package com.gridcare.contact;

import com.gridcare.kernel.EngineClock;
import com.gridcare.cases.Channel;
import com.gridcare.db.Database;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The {@code customer_contact} table: every registered call or message, with who registered it. */
@Service
public class Contacts {

    private final JdbcClient jdbc;
    private final Database database;
    private final Clock clock;

    Contacts(JdbcClient jdbc, Database database, Clock clock) {
        this.jdbc = jdbc;
        this.database = database;
        this.clock = clock;
    }

    /** Records a contact (numbered {@code CON-<year>-<6 digits>}) in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Contact record(String customerId, Channel channel, ContactKind kind, String summary, String caseId,
            String registeredBy) {
        var now = OffsetDateTime.now(clock);
        long n = jdbc.sql(database.nextValue("contact_number_seq")).query(Long.class).single();
        var id = "CON-%d-%06d".formatted(now.atZoneSameInstant(EngineClock.ZONE).getYear(), n);
        var contact = new Contact(id, customerId, channel, kind, summary, caseId, registeredBy, now);
        jdbc.sql("""
                INSERT INTO customer_contact (id, customer_id, channel, kind, summary, case_id, registered_by,
                       registered_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, customerId, channel.name(), kind.name(), summary, caseId, registeredBy, now)
                .update();
        return contact;
    }

    /** The customer's contacts, newest first. */
    public List<Contact> ofCustomer(String customerId, int limit) {
        return jdbc.sql("""
                SELECT * FROM customer_contact WHERE customer_id = ?
                 ORDER BY registered_at DESC, id DESC FETCH FIRST ? ROWS ONLY""")
                .params(customerId, limit)
                .query(Contacts::map)
                .list();
    }

    /** Contacts registered in [from, to), oldest first, for reports. */
    List<Contact> between(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                SELECT * FROM customer_contact WHERE registered_at >= ? AND registered_at < ?
                 ORDER BY registered_at, id""")
                .params(from, to)
                .query(Contacts::map)
                .list();
    }

    /** Replaces personal values in the customer's contact summaries (erasure). */
    int erase(String customerId, List<String> values, String replacement) {
        int changed = 0;
        for (var value : values) {
            changed += jdbc.sql("UPDATE customer_contact SET summary = REPLACE(summary, ?, ?) WHERE customer_id = ?"
                            + " AND POSITION(? IN summary) > 0")
                    .params(value, replacement, customerId, value)
                    .update();
        }
        return changed;
    }

    private static Contact map(ResultSet rs, int row) throws SQLException {
        return new Contact(rs.getString("id"), rs.getString("customer_id"), Channel.valueOf(rs.getString("channel")),
                ContactKind.valueOf(rs.getString("kind")), rs.getString("summary"), rs.getString("case_id"),
                rs.getString("registered_by"), rs.getObject("registered_at", OffsetDateTime.class));
    }
}
