package com.gridcare.consent;

import com.gridcare.api.ConflictException;
import com.gridcare.api.InvalidFieldException;
import com.gridcare.api.NotFoundException;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.customer.PreferredChannel;
import com.gridcare.db.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers' consent to messages that are not service, per channel and purpose. Opting in and out is
 * recorded with the time it happened, its source (the app's settings, a signed form at the counter,
 * an SMS reply…) and who recorded it; the current state is what {@link #allows} answers and what
 * every non-service message is checked against.
 */
@Service
public class Consents {

    /** A consent given "in the future" beyond this is a client's clock or a mistake. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final Database database;
    private final CustomerRepository customers;
    private final Clock clock;

    Consents(JdbcClient jdbc, Database database, CustomerRepository customers, Clock clock) {
        this.jdbc = jdbc;
        this.database = database;
        this.customers = customers;
        this.clock = clock;
    }

    /** Whether a message of this purpose may go to the customer on this channel now. */
    public boolean allows(String customerId, PreferredChannel channel, MessagePurpose purpose) {
        var needed = purpose.consentNeeded();
        if (needed.isEmpty()) return true;
        return jdbc.sql("""
                SELECT granted FROM customer_consent WHERE customer_id = ? AND channel = ? AND purpose = ?""")
                .params(customerId, channel.name(), needed.get().name())
                .query(Boolean.class).optional().orElse(false);
    }

    /**
     * The customers (of {@code channels}: customer → channel) that consent to {@code purpose} on that
     * channel now, in one query; everyone for a service message.
     */
    public java.util.Set<String> allowing(java.util.Map<String, PreferredChannel> channels, MessagePurpose purpose) {
        var needed = purpose.consentNeeded();
        if (needed.isEmpty()) return java.util.Set.copyOf(channels.keySet());
        var allowed = new java.util.HashSet<String>();
        var ids = new ArrayList<>(channels.keySet());
        for (int i = 0; i < ids.size(); i += 1000) {
            var chunk = ids.subList(i, Math.min(ids.size(), i + 1000));
            var params = new ArrayList<Object>();
            params.add(needed.get().name());
            params.addAll(chunk);
            jdbc.sql("SELECT customer_id, channel FROM customer_consent WHERE purpose = ? AND granted = TRUE"
                    + " AND customer_id IN (" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")")
                    .params(params)
                    .query((rs, n) -> {
                        var id = rs.getString(1);
                        if (channels.get(id) != null && channels.get(id).name().equals(rs.getString(2))) allowed.add(id);
                        return id;
                    })
                    .list();
        }
        return allowed;
    }

    /**
     * The consents to {@code purpose} given and not withdrawn, as a sub-select with the columns
     * {@code customer_id, channel}, for set-based audiences.
     */
    public com.gridcare.kernel.SqlPart granted(ConsentPurpose purpose) {
        return new com.gridcare.kernel.SqlPart(
                "SELECT customer_id, channel FROM customer_consent WHERE purpose = ? AND granted = TRUE",
                List.of(purpose.name()));
    }

    /** The customer's consents, by channel and purpose; never-recorded ones are absent (not granted). */
    public List<Consent> ofCustomer(String customerId) {
        if (!customers.exists(customerId)) throw new NotFoundException("id: no customer " + customerId);
        return jdbc.sql("SELECT * FROM customer_consent WHERE customer_id = ? ORDER BY channel, purpose")
                .param(customerId).query((rs, n) -> new Consent(PreferredChannel.valueOf(rs.getString("channel")),
                        ConsentPurpose.valueOf(rs.getString("purpose")), rs.getBoolean("granted"),
                        rs.getObject("granted_at", OffsetDateTime.class), rs.getString("granted_source"),
                        rs.getObject("withdrawn_at", OffsetDateTime.class), rs.getString("withdrawn_source"),
                        rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by")))
                .list();
    }

    /**
     * Grants or withdraws one consent. Recording the state it already has changes nothing (a retried
     * call records once).
     *
     * @param at when the customer gave or withdrew it (null: now)
     * @return the consent as it is now
     */
    @Transactional
    public Consent record(String customerId, PreferredChannel channel, ConsentPurpose purpose, boolean granted,
            String source, OffsetDateTime at, String by) {
        var now = OffsetDateTime.now(clock);
        if (at != null && at.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidFieldException("at", "must not be in the future");
        }
        var when = at == null ? now : at;
        if (!customers.exists(customerId)) throw new NotFoundException("id: no customer " + customerId);
        if (customers.erasedAt(customerId).isPresent()) {
            throw new ConflictException("customer " + customerId + " was erased; no consent is kept for them");
        }
        change(customerId, channel, purpose, granted, source, when, by, now);
        return ofCustomer(customerId).stream().filter(c -> c.channel() == channel && c.purpose() == purpose)
                .findFirst().orElseThrow();
    }

    /**
     * Withdraws every consent the customer gave on a channel (a "TD" reply stops everything but service).
     *
     * @return the purposes withdrawn now
     */
    @Transactional
    public List<ConsentPurpose> withdrawAll(String customerId, PreferredChannel channel, String source,
            OffsetDateTime at, String by) {
        var now = OffsetDateTime.now(clock);
        var withdrawn = new ArrayList<ConsentPurpose>();
        for (var purpose : ConsentPurpose.values()) {
            if (change(customerId, channel, purpose, false, source, at, by, now)) withdrawn.add(purpose);
        }
        return withdrawn;
    }

    /** Erasure: the customer's consents and their history are removed. */
    @Transactional
    public int erase(String customerId) {
        return jdbc.sql("DELETE FROM customer_consent_event WHERE customer_id = ?").param(customerId).update()
                + jdbc.sql("DELETE FROM customer_consent WHERE customer_id = ?").param(customerId).update();
    }

    /** @return whether the state changed */
    private boolean change(String customerId, PreferredChannel channel, ConsentPurpose purpose, boolean granted,
            String source, OffsetDateTime at, String by, OffsetDateTime now) {
        var current = lock(customerId, channel, purpose, by, now);
        if (current.isPresent() && current.get() == granted) return false;
        if (current.isEmpty() && !granted) {
            // never given: nothing to withdraw, but the refusal is kept as the state with its source
            jdbc.sql("""
                    UPDATE customer_consent SET withdrawn_at = ?, withdrawn_source = ?, updated_at = ?, updated_by = ?
                     WHERE customer_id = ? AND channel = ? AND purpose = ?""")
                    .params(at, source, now, by, customerId, channel.name(), purpose.name()).update();
        } else if (granted) {
            jdbc.sql("""
                    UPDATE customer_consent SET granted = TRUE, granted_at = ?, granted_source = ?, updated_at = ?,
                           updated_by = ?
                     WHERE customer_id = ? AND channel = ? AND purpose = ?""")
                    .params(at, source, now, by, customerId, channel.name(), purpose.name()).update();
        } else {
            jdbc.sql("""
                    UPDATE customer_consent SET granted = FALSE, withdrawn_at = ?, withdrawn_source = ?, updated_at = ?,
                           updated_by = ?
                     WHERE customer_id = ? AND channel = ? AND purpose = ?""")
                    .params(at, source, now, by, customerId, channel.name(), purpose.name()).update();
        }
        jdbc.sql("""
                INSERT INTO customer_consent_event (customer_id, channel, purpose, granted, occurred_at, source,
                       recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(customerId, channel.name(), purpose.name(), granted, at, source, by, now).update();
        return current.isPresent() || granted;
    }

    /**
     * Makes sure the row exists and locks it for this transaction, so two recordings at once apply one
     * after the other. @return the state before, empty when it was never recorded
     */
    private Optional<Boolean> lock(String customerId, PreferredChannel channel, ConsentPurpose purpose, String by,
            OffsetDateTime now) {
        boolean created;
        try {
            created = jdbc.sql(database.insertIgnoringDuplicates("""
                    INSERT INTO customer_consent (customer_id, channel, purpose, granted, updated_at, updated_by)
                    VALUES (?, ?, ?, FALSE, ?, ?)"""))
                    .params(customerId, channel.name(), purpose.name(), now, by).update() == 1;
        } catch (DuplicateKeyException exists) {
            created = false;
        }
        var state = jdbc.sql("""
                SELECT granted, granted_at, withdrawn_at FROM customer_consent
                 WHERE customer_id = ? AND channel = ? AND purpose = ? FOR UPDATE""")
                .params(customerId, channel.name(), purpose.name())
                .query((rs, n) -> rs.getBoolean(1) || rs.getObject(2) != null || rs.getObject(3) != null
                        ? Optional.of(rs.getBoolean(1)) : Optional.<Boolean>empty())
                .single();
        return created ? Optional.empty() : state;
    }
}
