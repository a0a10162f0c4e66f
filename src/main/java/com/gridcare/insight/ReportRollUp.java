package com.gridcare.insight;

import com.gridcare.kernel.EngineClock;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rolls up closed months' service reports: each night the last {@code gridcare.insight.rollup.months} months (a
 * case reassigned, a late correction moves last year's figures too), and any month a service manager asks for.
 * Until a month is rolled up, and for the running month always, the report is summed from the facts.
 */
@Component
public class ReportRollUp {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReportRollUp.class);

    public record Result(String month, String computedAt, int cells, long millis) {}

    private final ServiceReport report;
    private final ReportRollups rollups;
    private final Clock clock;
    private final int months;

    ReportRollUp(ServiceReport report, ReportRollups rollups, Clock clock, InsightProperties properties) {
        this.report = report;
        this.rollups = rollups;
        this.clock = clock;
        this.months = properties.rollup().months();
    }

    /** @throws com.gridcare.api.InvalidFieldException naming {@code month} when it has not ended */
    public Result rollUp(YearMonth month) {
        var now = OffsetDateTime.now(clock);
        if (!ReportScope.of(month, now, null, null).closed()) {
            throw new com.gridcare.api.InvalidFieldException("month", "must have ended: the running month is summed when asked");
        }
        long started = System.nanoTime();
        var cells = report.cells(month, now);
        long millis = (System.nanoTime() - started) / 1_000_000;
        rollups.write(month, now, cells, millis);
        log.info("service report {} rolled up: {} cells summed in {} ms", month, cells.size(), millis);
        return new Result(month.toString(), now.atZoneSameInstant(EngineClock.ZONE).toOffsetDateTime().toString(),
                cells.size(), millis);
    }

    @Scheduled(cron = "${gridcare.insight.rollup.cron}", zone = "Asia/Shanghai")
    public void rollUpClosedMonths() {
        var current = YearMonth.now(clock.withZone(EngineClock.ZONE));
        for (int i = 1; i <= months; i++) {
            try {
                rollUp(current.minusMonths(i));
            } catch (RuntimeException e) {
                log.error("service report {} not rolled up; its report is summed from the facts until the next night",
                        current.minusMonths(i), e);
            }
        }
    }
}
