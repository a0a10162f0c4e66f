package com.gridcare.customer;

import com.gridcare.insight.CustomerAttributes;
import com.gridcare.insight.Dimension;
import com.gridcare.insight.Fact;
import com.gridcare.insight.Figure;
import com.gridcare.insight.Label;
import com.gridcare.insight.ReportScope;
import com.gridcare.insight.ReportSection;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tier views of the monthly service report, from the customers' tiers and their history
 * ({@code customer_tier_change}, written by {@link CustomerRepository#saveEvaluation}): customers per tier at the
 * month's end and moves between tiers in the month. Their figures are customers, not cases: a drill-down lists
 * the customers.
 */
@Configuration(proxyBeanMethods = false)
class TierReportSections {

    record Change(String customerId, String fromTier, String toTier, OffsetDateTime at) {}

    private static List<Change> changes(JdbcClient jdbc, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("""
                SELECT customer_id, from_tier, to_tier, changed_at FROM customer_tier_change
                 WHERE changed_at >= ? AND changed_at < ? ORDER BY changed_at, id""")
                .params(from, to)
                .query((rs, n) -> new Change(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class)))
                .list();
    }

    /** Per tier: customers in it at the month's end (or now), customers who moved into it and out of it in the month. */
    @Bean
    ReportSection tierSection(JdbcClient jdbc, CustomerRepository customers) {
        return ReportSection.of("tiers", 90, new Label("Customer tiers", "客户等级"), List.of(Dimension.TIER),
                List.of(Figure.count("customers", "Customers at month end", "月末客户数"),
                        Figure.count("movedIn", "Moved in", "升入/转入"),
                        Figure.count("movedOut", "Moved out", "转出")),
                scope -> {
                    var out = new ArrayList<Fact>();
                    scope.shared("customer.tiersAtEnd", () -> customers.tiersAt(scope.asOf())).forEach((id, tier) -> out.add(Fact.ofCustomer(id, new String[] {tier}, 1, 0, 0)));
                    for (var c : moves(jdbc, scope)) {
                        out.add(Fact.ofCustomer(c.customerId(), new String[] {c.toTier()}, 0, 1, 0));
                        out.add(Fact.ofCustomer(c.customerId(), new String[] {c.fromTier()}, 0, 0, 1));
                    }
                    return out;
                });
    }

    /** Moves between tiers in the month, from → to (a first rating is no move); upgrades are to a higher tier. */
    @Bean
    ReportSection tierMoveSection(JdbcClient jdbc) {
        return ReportSection.of("tierMoves", 91, new Label("Tier movement", "客户等级变动"),
                List.of(Dimension.of("fromTier", "From tier", "原等级"), Dimension.of("toTier", "To tier", "新等级")),
                List.of(Figure.count("moves", "Moves", "变动次数"), Figure.count("upgrades", "Upgrades", "升级"),
                        Figure.count("downgrades", "Downgrades", "降级")),
                scope -> moves(jdbc, scope).stream()
                        .map(c -> {
                            boolean up = rank(c.toTier()) > rank(c.fromTier());
                            return Fact.ofCustomer(c.customerId(), new String[] {c.fromTier(), c.toTier()}, 1,
                                    Fact.flag(up), Fact.flag(!up));
                        })
                        .toList());
    }

    private static List<Change> moves(JdbcClient jdbc, ReportScope scope) {
        return scope.shared("customer.tierMoves", () -> changes(jdbc, scope.start(), scope.end()).stream()
                .filter(c -> c.fromTier() != null && !c.fromTier().equals(c.toTier())).toList());
    }

    private static int rank(String tier) {
        try {
            return Tier.valueOf(tier).ordinal();
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** What a drill-down shows of a customer: tier, class and area. */
    @Bean
    CustomerAttributes customerAttributes(JdbcClient jdbc) {
        return (Collection<String> ids) -> {
            var found = new HashMap<String, CustomerAttributes.Attributes>();
            if (ids.isEmpty()) return found;
            jdbc.sql("SELECT id, tier, customer_class, area FROM customer WHERE id = ANY(?)")
                    .param(ids.toArray(String[]::new))
                    .query((rs, n) -> new CustomerAttributes.Attributes(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4)))
                    .list().forEach(a -> found.put(a.customerId(), a));
            return found;
        };
    }
}
