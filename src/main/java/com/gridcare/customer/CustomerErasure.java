package com.gridcare.customer;

import com.gridcare.api.NotFoundException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer's request to be forgotten: their name, phone, e-mail and address are removed from
 * every place GridCare keeps them, in one transaction: the master data here, and through each
 * {@link PersonalDataHolder} the cases, their record and processes, the messages and the contacts;
 * the access log of revealed contact data and the decision log. The customer's id stays, so cases,
 * points and decisions remain countable; an erasure is recorded with who and when. Running it again changes nothing more.
 */
@Service
public class CustomerErasure {

    public static final String ERASED = "[erased]";

    /** What was anonymised, by place. */
    public record Report(String customerId, OffsetDateTime erasedAt, String erasedBy, Map<String, Integer> rows) {}

    private final JdbcClient jdbc;
    private final CustomerRepository customers;
    private final List<PersonalDataHolder> holders;
    private final Clock clock;

    CustomerErasure(JdbcClient jdbc, CustomerRepository customers, List<PersonalDataHolder> holders, Clock clock) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.holders = holders;
        this.clock = clock;
    }

    /** Whether the customer was erased: their master data is not taken again. */
    public boolean erased(String customerId) {
        return customers.erasedAt(customerId).isPresent();
    }

    @Transactional
    public Report erase(String customerId, String by) {
        var personal = customers.lockPersonalData(customerId)
                .orElseThrow(() -> new NotFoundException("id: no customer " + customerId));
        var values = new ArrayList<String>();
        personal.stream().filter(Objects::nonNull).filter(v -> !v.isBlank() && !ERASED.equals(v)).forEach(values::add);
        holders.forEach(holder -> values.addAll(holder.personalValues(customerId)));
        var now = OffsetDateTime.now(clock);
        var rows = new LinkedHashMap<String, Integer>();

        rows.put("customer", customers.erase(customerId, ERASED, by, now));
        rows.put("customer_access_log", replaceInAccessLog(customerId, values));
        for (var holder : holders) rows.putAll(holder.erase(customerId, values, ERASED));
        // the decision log belongs to the rules feature, which has no erasure of its own yet
        rows.put("decision", replaceInDecisions(customerId, values));
        return new Report(customerId, now, by, rows);
    }

    private int replaceInAccessLog(String customerId, List<String> values) {
        int changed = 0;
        for (var value : values) {
            changed += jdbc.sql("UPDATE customer_access_log SET reason = REPLACE(reason, ?, ?) WHERE customer_id = ?")
                    .params(value, ERASED, customerId).update();
        }
        return changed;
    }

    private int replaceInDecisions(String customerId, List<String> values) {
        int changed = 0;
        for (var value : values) {
            changed += jdbc.sql("""
                    UPDATE decision SET inputs = REPLACE(inputs, ?, ?), outputs = REPLACE(outputs, ?, ?),
                           explanation = REPLACE(explanation, ?, ?)
                     WHERE customer_id = ?""")
                    .params(value, ERASED, value, ERASED, value, ERASED, customerId).update();
        }
        return changed;
    }
}
