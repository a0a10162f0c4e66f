package com.gridcare.clock;

import com.gridcare.deployment.SourceFolder;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Due-date computations per second over random instants and targets, on the shipped calendars.
 * Not a test: run it with {@code bench/clocks.sh}. Prints the figures.
 */
public final class ClockBenchmark {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private ClockBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        var calendars = CalendarSet.parse(SourceFolder.of("rules/calendars", "").read(p -> true), (c, y) -> { });
        var china = calendars.get(Calendars.CHINA_WORKDAYS);
        var clock = calendars.get(Calendars.AROUND_THE_CLOCK);

        var random = new SplittableRandom(20261126);
        long from = LocalDateTime.parse("2025-01-01T00:00").atZone(SHANGHAI).toInstant().toEpochMilli();
        long to = LocalDateTime.parse("2026-11-30T00:00").atZone(SHANGHAI).toInstant().toEpochMilli();
        var starts = new Instant[n];
        var targets = new Duration[n];
        var ends = new Instant[n];
        for (int i = 0; i < n; i++) {
            starts[i] = Instant.ofEpochMilli(from + random.nextLong(to - from));
            // targets as the SLA catalogue gives them: 1–10 working days, 1–8 working hours, minutes
            targets[i] = switch (random.nextInt(3)) {
                case 0 -> Duration.ofHours(9L * (1 + random.nextInt(10)));
                case 1 -> Duration.ofHours(1 + random.nextInt(8));
                default -> Duration.ofMinutes(1 + random.nextInt(600));
            };
            ends[i] = starts[i].plusSeconds(random.nextLong(20L * 86400));
        }

        System.out.printf("GridCare clock benchmark: %,d random instants in 2025–2026, targets 1 min to 10 working days%n", n);
        System.out.printf("Java %s, %d cores available%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
        report("due date, china-workdays (add)", rounds, n, () -> {
            long sum = 0;
            for (int i = 0; i < n; i++) sum += china.add(starts[i], targets[i]).toEpochMilli();
            return sum;
        });
        report("working time between two instants", rounds, n, () -> {
            long sum = 0;
            for (int i = 0; i < n; i++) sum += china.between(starts[i], ends[i]).toMillis();
            return sum;
        });
        report("warning one working day before (subtract)", rounds, n, () -> {
            long sum = 0;
            for (int i = 0; i < n; i++) sum += china.subtract(ends[i], Duration.ofHours(9)).toEpochMilli();
            return sum;
        });
        report("time left, as forms show it", rounds, n / 10, () -> {
            long sum = 0;
            for (int i = 0; i < n / 10; i++) sum += TimeLeft.describe(china.between(starts[i], ends[i]), china).length();
            return sum;
        });
        report("due date, 24x7 (add)", rounds, n, () -> {
            long sum = 0;
            for (int i = 0; i < n; i++) sum += clock.add(starts[i], targets[i]).toEpochMilli();
            return sum;
        });
    }

    private interface Work {
        long run();
    }

    private static void report(String what, int rounds, int operations, Work work) {
        long check = 0;
        for (int i = 0; i < 2; i++) check += work.run(); // warm-up
        var perSecond = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long started = System.nanoTime();
            check += work.run();
            perSecond[r] = operations / ((System.nanoTime() - started) / 1e9);
        }
        Arrays.sort(perSecond);
        double median = perSecond[rounds / 2];
        System.out.printf("%-45s %,14.0f per second (median of %d rounds; min %,.0f, max %,.0f; %.0f ns each) [%d]%n",
                what, median, rounds, perSecond[0], perSecond[rounds - 1], 1e9 / median, check % 10);
    }
}
