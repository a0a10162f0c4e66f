package com.gridcare.customer;

import com.gridcare.kernel.EngineClock;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A customer's monthly consumption as staff chart it: the last months up to the current one, each
 * with the same month a year before and whether the bill was paid on time. Months the billing system
 * never sent are there with no figures, so a chart shows the gap.
 */
@Service
public class ConsumptionHistory {

    public record Month(String month, BigDecimal kwh, BigDecimal kwhYearBefore, BigDecimal billedAmount,
            Boolean paidOnTime) {}

    public record Chart(String customerId, String from, String to, List<Month> months) {}

    private final CustomerService customers;
    private final JdbcClient jdbc;
    private final Clock clock;

    ConsumptionHistory(CustomerService customers, JdbcClient jdbc, Clock clock) {
        this.customers = customers;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The months {@code from..to}, oldest first; months the billing system never sent have no figures. */
    public List<Month> between(String customerId, YearMonth from, YearMonth to) {
        record Row(BigDecimal kwh, BigDecimal billed, boolean paidOnTime) {}
        var stored = new HashMap<YearMonth, Row>();
        jdbc.sql("""
                SELECT billing_month, kwh, billed_amount, paid_on_time FROM customer_consumption
                 WHERE customer_id = ? AND billing_month >= ? AND billing_month <= ?""")
                .params(customerId, from.minusYears(1).atDay(1), to.atDay(1))
                .query((rs, n) -> stored.put(YearMonth.from(rs.getObject(1, LocalDate.class)),
                        new Row(rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBoolean(4))))
                .list();
        var result = new ArrayList<Month>();
        for (var month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            var row = stored.get(month);
            var yearBefore = stored.get(month.minusYears(1));
            result.add(new Month(month.toString(), row == null ? null : row.kwh(),
                    yearBefore == null ? null : yearBefore.kwh(), row == null ? null : row.billed(),
                    row == null ? null : row.paidOnTime()));
        }
        return result;
    }

    /** The last {@code months} months up to this one (Asia/Shanghai), oldest first. */
    public Chart lastMonths(String customerId, int months) {
        customers.get(customerId);
        var to = YearMonth.from(LocalDate.now(clock.withZone(com.gridcare.kernel.EngineClock.ZONE)));
        var from = to.minusMonths(months - 1L);
        record Row(BigDecimal kwh, BigDecimal billed, boolean paidOnTime) {}
        var stored = new HashMap<YearMonth, Row>();
        jdbc.sql("""
                SELECT billing_month, kwh, billed_amount, paid_on_time FROM customer_consumption
                 WHERE customer_id = ? AND billing_month >= ? AND billing_month <= ?""")
                .params(customerId, from.minusYears(1).atDay(1), to.atDay(1))
                .query((rs, n) -> stored.put(YearMonth.from(rs.getObject(1, LocalDate.class)),
                        new Row(rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBoolean(4))))
                .list();
        var result = new ArrayList<Month>(months);
        for (var month = from; !month.isAfter(to); month = month.plusMonths(1)) {
            var row = stored.get(month);
            var yearBefore = stored.get(month.minusYears(1));
            result.add(new Month(month.toString(), row == null ? null : row.kwh(),
                    yearBefore == null ? null : yearBefore.kwh(), row == null ? null : row.billed(),
                    row == null ? null : row.paidOnTime()));
        }
        return new Chart(customerId, from.toString(), to.toString(), result);
    }
}
