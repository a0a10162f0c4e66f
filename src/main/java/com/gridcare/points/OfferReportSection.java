package com.gridcare.points;

import static com.gridcare.insight.Fact.flag;

import com.gridcare.customer.CustomerRepository;
import com.gridcare.insight.Dimension;
import com.gridcare.insight.Fact;
import com.gridcare.insight.Figure;
import com.gridcare.insight.Label;
import com.gridcare.insight.ReportSection;
import com.gridcare.offers.OfferGrants;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Offers in the monthly service report, per offer and the customer's tier: standing offers granted in the month
 * and held at its end ({@link OfferGrants}), what their percent discounts cost on the month's bills (the discount
 * after the cap × the bill's amount), and the points credited in the month (this ledger) by the customer's tier at the month's end. Figures of customers: a
 * drill-down lists them.
 */
@Configuration(proxyBeanMethods = false)
class OfferReportSection {

    record Credit(String customerId, String offerCode, int points) {}

    @Bean
    ReportSection offerSection(JdbcClient jdbc, OfferGrants grants, CustomerRepository customers) {
        return ReportSection.of("offers", 95, new Label("Offers and discount cost", "优惠与折扣成本"),
                List.of(Dimension.of("offer", "Offer", "优惠"), Dimension.TIER),
                List.of(Figure.count("granted", "Offers granted", "新授予优惠"),
                        Figure.count("holders", "Held at month end", "月末享有"),
                        Figure.sum("discountCny", "Discount cost (CNY)", "折扣成本（元）"),
                        Figure.count("credits", "Points credits", "积分发放次数"),
                        Figure.sum("points", "Points credited", "发放积分")),
                scope -> {
                    var held = grants.grants(scope.start(), scope.end(), scope.asOf());
                    var discounted = new HashSet<String>();
                    for (var g : held) {
                        if (g.percent().signum() > 0 && isHeld(g, scope.asOf())) discounted.add(g.customerId());
                    }
                    var bills = customers.billed(discounted, scope.month());
                    var out = new ArrayList<Fact>();
                    for (var g : held) {
                        boolean granted = !g.grantedAt().isBefore(scope.start()) && g.grantedAt().isBefore(scope.end());
                        boolean holds = isHeld(g, scope.asOf());
                        double cost = holds && g.percent().signum() > 0
                                ? g.percent().multiply(bills.getOrDefault(g.customerId(), BigDecimal.ZERO))
                                        .movePointLeft(2).doubleValue()
                                : 0;
                        out.add(Fact.ofCustomer(g.customerId(), new String[] {g.offerCode(), tierOf(g.tier())},
                                flag(granted), flag(holds), cost, 0, 0));
                    }
                    var credits = jdbc.sql("""
                            SELECT customer_id, offer_code, points FROM points_ledger
                             WHERE recorded_at >= ? AND recorded_at < ? AND points > 0""")
                            .params(scope.start(), scope.end())
                            .query((rs, n) -> new Credit(rs.getString(1), rs.getString(2), rs.getInt(3))).list();
                    // the customer's tier at the month's end: a closed month's figures do not change with later moves
                    var tiers = credits.isEmpty() ? java.util.Map.<String, String>of()
                            : scope.shared("customer.tiersAtEnd", () -> customers.tiersAt(scope.asOf()));
                    for (var c : credits) {
                        out.add(Fact.ofCustomer(c.customerId(), new String[] {c.offerCode(), tierOf(tiers.get(c.customerId()))},
                                0, 0, 0, 1, c.points()));
                    }
                    return out;
                });
    }

    private static boolean isHeld(OfferGrants.Grant g, OffsetDateTime at) {
        return g.grantedAt().isBefore(at) && (g.endedAt() == null || g.endedAt().isAfter(at));
    }

    private static String tierOf(String tier) {
        return tier == null ? "-" : tier;
    }
}
