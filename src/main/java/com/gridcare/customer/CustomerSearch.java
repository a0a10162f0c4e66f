package com.gridcare.customer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Finds customers for staff by id (from its start), name (any part, any case) or full phone number
 * (digits compared, so "138 0013 8000", "138-0013-8000" and "+86 13800138000" all find 13800138000).
 * Contact data in the answer is masked.
 */
@Service
public class CustomerSearch {

    public record Hit(String id, String name, CustomerClass customerClass, Tier tier, Area area, String phone,
            String address) {}

    /** Digits of a stored phone number, in SQL both databases accept. */
    private static final String PHONE_DIGITS =
            "REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(phone, ' ', ''), '-', ''), '+', ''), '(', ''), ')', '')";

    private final JdbcClient jdbc;

    CustomerSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** At most {@code limit} customers, those whose id matches first, then by name. */
    public List<Hit> find(String text, int limit) {
        var conditions = new ArrayList<String>();
        var params = new ArrayList<Object>();
        conditions.add("UPPER(id) LIKE ? ESCAPE '!'");
        params.add(likeEscaped(text.toUpperCase(Locale.ROOT)) + "%");
        conditions.add("LOWER(name) LIKE ? ESCAPE '!'");
        params.add("%" + likeEscaped(text.toLowerCase(Locale.ROOT)) + "%");
        var digits = text.replaceAll("[\\s()+-]", "");
        if (digits.matches("\\d{6,20}")) {
            conditions.add(PHONE_DIGITS + " IN (?, ?)");
            params.add(digits);
            params.add(digits.startsWith("86") ? digits.substring(2) : "86" + digits);
        }
        params.add(likeEscaped(text.toUpperCase(Locale.ROOT)) + "%");
        params.add(limit);
        var hits = new LinkedHashMap<String, Hit>();
        jdbc.sql("SELECT id, name, customer_class, tier, area, phone, address FROM customer WHERE erased_at IS NULL"
                        + " AND (" + String.join(" OR ", conditions) + ")"
                        + " ORDER BY CASE WHEN UPPER(id) LIKE ? ESCAPE '!' THEN 0 ELSE 1 END, name, id FETCH FIRST ? ROWS ONLY")
                .params(params)
                .query((rs, n) -> {
                    var tier = rs.getString("tier");
                    return hits.put(rs.getString("id"), new Hit(rs.getString("id"), rs.getString("name"),
                            CustomerClass.valueOf(rs.getString("customer_class")), tier == null ? null : Tier.valueOf(tier),
                            Area.valueOf(rs.getString("area")), ContactMasking.phone(rs.getString("phone")),
                            ContactMasking.address(rs.getString("address"))));
                })
                .list();
        return List.copyOf(hits.values());
    }

    /**
     * The customers (not erased) whose phone number is this one, digits compared and a leading 86
     * ignored: who replied to a message a gateway forwards.
     */
    public List<String> idsWithPhone(String phone) {
        var digits = phone.replaceAll("[\\s()+-]", "");
        if (!digits.matches("\\d{6,20}")) return List.of();
        var national = digits.startsWith("86") && digits.length() > 11 ? digits.substring(2) : digits;
        return jdbc.sql("SELECT id FROM customer WHERE erased_at IS NULL AND " + PHONE_DIGITS + " IN (?, ?) ORDER BY id")
                .params(national, "86" + national)
                .query(String.class).list();
    }

    static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
