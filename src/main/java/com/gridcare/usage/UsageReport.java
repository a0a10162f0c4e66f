package com.gridcare.usage;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A customer's usage report for a period as the customer gets it: consumption against the same period
 * last year and against the median of customers of the same class and area, the peak months and the
 * bills of the last twelve months, and the advice the rules chose.
 */
public record UsageReport(String customerId, String period, ReportKind kind, BigDecimal kwh, BigDecimal kwhLastYear,
        Integer changeLastYearPercent, String customerClass, String area, BigDecimal classMedianKwh,
        Integer changeMedianPercent, PeakSeason peakSeason, List<MonthKwh> peakMonths, List<Bill> bills,
        int lateBills12, List<Tip> advice, String adviceRule, String ruleVersion, String status,
        OffsetDateTime createdAt, OffsetDateTime queuedAt) {

    public record MonthKwh(String month, BigDecimal kwh) {}

    public record Bill(String month, BigDecimal kwh, BigDecimal billedAmount, Boolean paidOnTime) {}

    public record Tip(Advice code, String zh, String en) {}
}
