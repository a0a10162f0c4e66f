package com.gridcare.customer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Customers by where they are supplied from (feeder, transformer area), for outages. Large outages
 * are handled set-based: {@link #selection} is a query other features embed in their own
 * {@code INSERT … SELECT}, so a hundred thousand customers never pass through Java.
 */
@Service
public class SupplyPoints {

    /**
     * A query for the customers supplied from some feeders or transformer areas, with the columns
     * {@code customer_id}, {@code area}, {@code channel} (preferred), {@code flagged} (IMPORTANT or
     * PRIORITY_CARE) and {@code tier}; erased customers are left out.
     */
    public record Selection(String sql, List<Object> params) {}

    private final JdbcClient jdbc;

    SupplyPoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Selection selection(Collection<String> feeders, Collection<String> transformerAreas) {
        var params = new ArrayList<Object>();
        var sql = "SELECT id AS customer_id, area, preferred_channel AS channel,"
                + " (flags LIKE '%IMPORTANT%' OR flags LIKE '%PRIORITY_CARE%') AS flagged,"
                + " tier FROM customer WHERE erased_at IS NULL AND (" + where(feeders, transformerAreas, params) + ")";
        return new Selection(sql, params);
    }

    /** How many customers these supply points serve, and how many of them are flagged IMPORTANT. */
    public record Count(int customers, int important) {}

    public Count count(Collection<String> feeders, Collection<String> transformerAreas) {
        var params = new ArrayList<Object>();
        var where = where(feeders, transformerAreas, params);
        return jdbc.sql("SELECT COUNT(*), COALESCE(SUM(CASE WHEN flags LIKE '%IMPORTANT%' THEN 1 ELSE 0 END), 0)"
                        + " FROM customer WHERE erased_at IS NULL AND (" + where + ")")
                .params(params).query((rs, n) -> new Count(rs.getInt(1), rs.getInt(2))).single();
    }

    /** Customers served per supply area (urban, rural, remote): the denominators of SAIFI and SAIDI. */
    public Map<Area, Integer> servedByArea() {
        var served = new EnumMap<Area, Integer>(Area.class);
        for (var area : Area.values()) served.put(area, 0);
        jdbc.sql("SELECT area, COUNT(*) FROM customer WHERE erased_at IS NULL GROUP BY area")
                .query((rs, n) -> served.put(Area.valueOf(rs.getString(1)), rs.getInt(2))).list();
        return served;
    }

    private static String where(Collection<String> feeders, Collection<String> transformerAreas, List<Object> params) {
        var parts = new ArrayList<String>();
        if (!feeders.isEmpty()) {
            parts.add("feeder_id IN (" + String.join(", ", Collections.nCopies(feeders.size(), "?")) + ")");
            params.addAll(feeders);
        }
        if (!transformerAreas.isEmpty()) {
            parts.add("transformer_area IN (" + String.join(", ", Collections.nCopies(transformerAreas.size(), "?")) + ")");
            params.addAll(transformerAreas);
        }
        return parts.isEmpty() ? "1 = 0" : String.join(" OR ", parts);
    }
}
