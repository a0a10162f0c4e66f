package com.gridcare.insight;

import com.gridcare.kernel.EngineClock;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night at 00:20 Beijing time, the rollups of the month before (without a filter and per group), so that
 * the first manager to open last month's report after it closed reads it rather than waits for it. A rollup
 * already made is only read again.
 */
@Component
class ReportRollupSchedule {

    private static final Logger log = LoggerFactory.getLogger(ReportRollupSchedule.class);

    private final ServiceReport reports;
    private final Clock clock;

    ReportRollupSchedule(ServiceReport reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @Scheduled(cron = "0 20 0 * * *", zone = "Asia/Shanghai")
    void rollUpLastMonth() {
        var now = OffsetDateTime.now(clock);
        var last = YearMonth.from(now.atZoneSameInstant(EngineClock.ZONE)).minusMonths(1);
        long t0 = System.nanoTime();
        reports.rollUp(last, now);
        log.info("service report rollups of {} made or found in {} ms", last, (System.nanoTime() - t0) / 1_000_000);
    }
}
