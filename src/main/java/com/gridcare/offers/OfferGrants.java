package com.gridcare.offers;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The standing offers the offer rules granted each customer over time ({@code offer_grant}): kept in step with
 * every offer decision, so the service report can say which offers were granted in a month, who held them at its
 * end and what their discounts cost.
 */
@Repository
public class OfferGrants {

    /** An offer granted to a customer from {@code grantedAt} until {@code endedAt} ({@code null}: still held). */
    public record Grant(long id, String customerId, String offerCode, String tier, BigDecimal percent, int points,
            OffsetDateTime grantedAt, OffsetDateTime endedAt) {}

    /** What a decision granted: the offer, its discount after the cap, its points. */
    record Granted(String offerCode, BigDecimal percent, int points) {}

    private final JdbcClient jdbc;

    OfferGrants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ends the held grants the decision no longer makes (or makes with another amount) and adds the new ones. */
    void record(String customerId, String tier, List<Granted> granted, String decisionId, OffsetDateTime now) {
        var held = new HashMap<String, Granted>();
        var ids = new HashMap<String, Long>();
        jdbc.sql("SELECT id, offer_code, percent, points FROM offer_grant WHERE customer_id = ? AND ended_at IS NULL")
                .param(customerId)
                .query((rs, n) -> {
                    held.put(rs.getString(2), new Granted(rs.getString(2), rs.getBigDecimal(3), rs.getInt(4)));
                    ids.put(rs.getString(2), rs.getLong(1));
                    return null;
                }).list();
        var decided = new HashMap<String, Granted>();
        granted.forEach(g -> decided.put(g.offerCode(), g));
        for (var h : List.copyOf(held.values())) {
            var g = decided.get(h.offerCode());
            if (g == null || g.percent().compareTo(h.percent()) != 0 || g.points() != h.points()) {
                jdbc.sql("UPDATE offer_grant SET ended_at = ? WHERE id = ?").params(now, ids.get(h.offerCode())).update();
                held.remove(h.offerCode());
            }
        }
        for (var g : granted) {
            if (held.containsKey(g.offerCode())) continue;
            jdbc.sql("""
                    INSERT INTO offer_grant (customer_id, offer_code, tier, percent, points, decision_id, granted_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(customerId, g.offerCode(), tier, g.percent(), g.points(), decisionId, now).update();
        }
    }

    /** The grants made in {@code [from, to)} or held at {@code at}. */
    public List<Grant> grants(OffsetDateTime from, OffsetDateTime to, OffsetDateTime at) {
        return jdbc.sql("""
                SELECT id, customer_id, offer_code, tier, percent, points, granted_at, ended_at FROM offer_grant
                 WHERE (granted_at >= ? AND granted_at < ?) OR (granted_at < ? AND (ended_at IS NULL OR ended_at > ?))""")
                .params(from, to, at, at)
                .query((rs, n) -> new Grant(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getInt(6), rs.getObject(7, OffsetDateTime.class),
                        rs.getObject(8, OffsetDateTime.class)))
                .list();
    }

    /** The grants held now by one customer, by offer. */
    public Map<String, Grant> held(String customerId) {
        var out = new HashMap<String, Grant>();
        jdbc.sql("""
                SELECT id, customer_id, offer_code, tier, percent, points, granted_at, ended_at FROM offer_grant
                 WHERE customer_id = ? AND ended_at IS NULL""")
                .param(customerId)
                .query((rs, n) -> new Grant(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getInt(6), rs.getObject(7, OffsetDateTime.class), null))
                .list().forEach(g -> out.put(g.offerCode(), g));
        return out;
    }
}
