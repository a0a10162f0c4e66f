package com.gridcare.customer;

import com.gridcare.kernel.SqlPart;
import java.time.YearMonth;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Customers and their consumption as sub-selects for set-based work over all customers (personal usage
 * reports): the customer feature keeps the SQL against {@code customer} and {@code customer_consumption},
 * the caller joins the parts in one statement.
 */
@Service
public class ConsumptionAggregates {

    /** Which customers. */
    public enum Scope { ALL, KEY_ACCOUNTS, NOT_KEY_ACCOUNTS }

    /**
     * Customers not erased, with the columns {@code customer_id, customer_class, area, tier, segments, channel}
     * (the preferred channel).
     */
    public SqlPart customers(Scope scope) {
        var where = switch (scope) {
            case ALL -> "";
            case KEY_ACCOUNTS -> " AND tier IN ('KEY', 'STRATEGIC')";
            case NOT_KEY_ACCOUNTS -> " AND (tier IS NULL OR tier NOT IN ('KEY', 'STRATEGIC'))";
        };
        return new SqlPart("""
                SELECT id AS customer_id, customer_class, area, tier, segments, preferred_channel AS channel
                  FROM customer WHERE erased_at IS NULL""" + where, List.of());
    }

    /**
     * Per customer with consumption in the window, the columns: {@code customer_id}; {@code kwh} and
     * {@code months} of {@code from..to}; {@code kwh_last_year} and {@code months_last_year} of the same
     * months a year before; over the twelve months ending with {@code to}: {@code months_12}, {@code kwh_12},
     * {@code max_12} (the highest month), {@code summer_12} (June to August), {@code winter_12} (December to
     * February), {@code billed_12} and {@code late_12} (bills not paid on time).
     */
    public SqlPart periodTotals(YearMonth from, YearMonth to) {
        var start = from.atDay(1);
        var end = to.atDay(1);
        var startLastYear = from.minusYears(1).atDay(1);
        var endLastYear = to.minusYears(1).atDay(1);
        var start12 = to.minusMonths(11).atDay(1);
        var windowStart = startLastYear.isBefore(start12) ? startLastYear : start12;
        return new SqlPart("""
                SELECT customer_id,
                       SUM(CASE WHEN billing_month BETWEEN ? AND ? THEN kwh END) AS kwh,
                       COUNT(CASE WHEN billing_month BETWEEN ? AND ? THEN 1 END) AS months,
                       SUM(CASE WHEN billing_month BETWEEN ? AND ? THEN kwh END) AS kwh_last_year,
                       COUNT(CASE WHEN billing_month BETWEEN ? AND ? THEN 1 END) AS months_last_year,
                       COUNT(CASE WHEN billing_month >= ? THEN 1 END) AS months_12,
                       COALESCE(SUM(CASE WHEN billing_month >= ? THEN kwh END), 0) AS kwh_12,
                       COALESCE(MAX(CASE WHEN billing_month >= ? THEN kwh END), 0) AS max_12,
                       COALESCE(SUM(CASE WHEN billing_month >= ? AND EXTRACT(MONTH FROM billing_month) IN (6, 7, 8)
                                         THEN kwh END), 0) AS summer_12,
                       COALESCE(SUM(CASE WHEN billing_month >= ? AND EXTRACT(MONTH FROM billing_month) IN (12, 1, 2)
                                         THEN kwh END), 0) AS winter_12,
                       COALESCE(SUM(CASE WHEN billing_month >= ? THEN billed_amount END), 0) AS billed_12,
                       COUNT(CASE WHEN billing_month >= ? AND NOT paid_on_time THEN 1 END) AS late_12
                  FROM customer_consumption
                 WHERE billing_month BETWEEN ? AND ?
                 GROUP BY customer_id""",
                List.of(start, end, start, end, startLastYear, endLastYear, startLastYear, endLastYear,
                        start12, start12, start12, start12, start12, start12, start12, windowStart, end));
    }
}
