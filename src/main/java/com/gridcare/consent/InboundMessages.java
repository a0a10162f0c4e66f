package com.gridcare.consent;

import com.gridcare.api.InvalidFieldException;
import com.gridcare.api.NotFoundException;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.customer.CustomerSearch;
import com.gridcare.customer.PreferredChannel;
import com.gridcare.db.Database;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replies customers send to GridCare's messages, forwarded by the SMS, WeChat, app or e-mail gateway.
 * An opt-out ("TD", "退订", "STOP", "UNSUBSCRIBE", in any case, surrounded by any spaces or
 * punctuation) withdraws every consent the customer gave on the channel the reply came in on;
 * service messages continue. Other texts are acknowledged and not kept: GridCare stores what it did,
 * never what the customer wrote. A message the gateway forwards again (same channel and message id)
 * acts once and gets the first answer.
 */
@Service
public class InboundMessages {

    /** What GridCare did with a forwarded message. */
    public enum Action { CONSENT_WITHDRAWN, NOT_UNDERSTOOD }

    public record Handled(Action action, List<String> customerIds, boolean repeated) {}

    static final Set<String> OPT_OUT_WORDS = Set.of("TD", "退订", "STOP", "UNSUBSCRIBE");

    private final JdbcClient jdbc;
    private final Database database;
    private final Consents consents;
    private final CustomerSearch search;
    private final CustomerRepository customers;
    private final Clock clock;

    InboundMessages(JdbcClient jdbc, Database database, Consents consents, CustomerSearch search,
            CustomerRepository customers, Clock clock) {
        this.jdbc = jdbc;
        this.database = database;
        this.consents = consents;
        this.search = search;
        this.customers = customers;
        this.clock = clock;
    }

    static boolean isOptOut(String text) {
        var word = text.replaceAll("[\\p{Punct}\\p{IsPunctuation}\\s　]", "").toUpperCase(Locale.ROOT);
        return OPT_OUT_WORDS.contains(word);
    }

    /**
     * @param customerId the customer, when the gateway knows it; else found by {@code from}
     * @param from the sender's phone number (SMS), or null
     */
    @Transactional
    public Handled receive(PreferredChannel channel, String messageId, String customerId, String from, String text,
            OffsetDateTime receivedAt, String by) {
        var now = OffsetDateTime.now(clock);
        var at = receivedAt == null ? now : receivedAt;
        List<String> senders;
        if (customerId != null) {
            if (!customers.exists(customerId)) throw new NotFoundException("customerId: no customer " + customerId);
            senders = List.of(customerId);
        } else if (from != null) {
            senders = search.idsWithPhone(from);
            if (senders.isEmpty()) throw new NotFoundException("from: no customer has this number");
        } else {
            throw new InvalidFieldException("customerId", "customerId or from is needed");
        }
        var action = isOptOut(text) ? Action.CONSENT_WITHDRAWN : Action.NOT_UNDERSTOOD;
        var first = firstTime(channel, messageId, senders.get(0), action, now);
        if (first != null) return new Handled(first, senders, true);
        if (action == Action.CONSENT_WITHDRAWN) {
            var source = channel.name() + "_REPLY";
            for (var sender : senders) consents.withdrawAll(sender, channel, source, at, by);
        }
        return new Handled(action, senders, false);
    }

    /** Records the message; @return null the first time, else the action taken then */
    private Action firstTime(PreferredChannel channel, String messageId, String customerId, Action action,
            OffsetDateTime now) {
        boolean inserted;
        try {
            inserted = jdbc.sql(database.insertIgnoringDuplicates("""
                    INSERT INTO inbound_message (channel, message_id, customer_id, action, received_at)
                    VALUES (?, ?, ?, ?, ?)"""))
                    .params(channel.name(), messageId, customerId, action.name(), now).update() == 1;
        } catch (DuplicateKeyException again) {
            inserted = false;
        }
        if (inserted) return null;
        return jdbc.sql("SELECT action FROM inbound_message WHERE channel = ? AND message_id = ?")
                .params(channel.name(), messageId).query((rs, n) -> Action.valueOf(rs.getString(1))).single();
    }

    /** Erasure: which customer sent which message is forgotten. */
    int erase(String customerId) {
        return jdbc.sql("UPDATE inbound_message SET customer_id = NULL WHERE customer_id = ?").param(customerId)
                .update();
    }
}
