package com.gridcare.usage;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A {@code usage_report} row: the figures as computed for the period, and what became of the report. */
record UsageReportRow(String customerId, String period, ReportKind kind, String customerClass, String area, String tier,
        String segments, String channel, BigDecimal kwh, BigDecimal kwhLastYear, BigDecimal classMedianKwh,
        int months12, BigDecimal kwh12, BigDecimal maxMonthKwh12, BigDecimal summerKwh12, BigDecimal winterKwh12,
        BigDecimal billed12, int lateBills12, String advice, String adviceRule, String ruleVersion, String status,
        OffsetDateTime createdAt, OffsetDateTime queuedAt) {

    /** Whole percent of {@code value} against {@code base}; null without a positive base. */
    static Integer percent(BigDecimal value, BigDecimal base) {
        if (value == null || base == null || base.signum() <= 0) return null;
        return (int) Math.round((value.doubleValue() - base.doubleValue()) / base.doubleValue() * 100);
    }

    Integer changeLastYearPercent() {
        return percent(kwh, kwhLastYear);
    }

    Integer changeMedianPercent() {
        return percent(kwh, classMedianKwh);
    }

    PeakSeason peakSeason() {
        if (months12 < 12 || kwh12.signum() <= 0) return PeakSeason.NONE;
        double summer = summerKwh12.doubleValue() / kwh12.doubleValue();
        double winter = winterKwh12.doubleValue() / kwh12.doubleValue();
        if (summer >= UsageFacts.PEAK_SHARE && summer >= winter) return PeakSeason.SUMMER;
        if (winter >= UsageFacts.PEAK_SHARE) return PeakSeason.WINTER;
        return PeakSeason.NONE;
    }
}
