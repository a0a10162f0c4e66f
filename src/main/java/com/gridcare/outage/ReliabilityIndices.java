package com.gridcare.outage;

import com.gridcare.kernel.EngineClock;
import com.gridcare.api.Csv;
import com.gridcare.customer.Area;
import com.gridcare.customer.SupplyPoints;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;

/**
 * Reliability indices for a month (Beijing time): per outage the customer interruptions (customers
 * affected) and customer-minutes lost (customers × minutes without supply); per supply area and in
 * total SAIFI (interruptions per customer served) and SAIDI (minutes lost per customer served); and
 * the share of planned and temporary outages announced within their notice period.
 *
 * <p>An outage counts in the month it started, once it has started; one still off counts its
 * minutes until now or the month's end. Customers served are the customers GridCare holds now.
 * A reusable service: the monthly service report and the dashboard take their figures from here.
 */
@Service
public class ReliabilityIndices {

    public record OutageFigures(String outageId, String kind, OffsetDateTime startsAt, OffsetDateTime restoredAt,
            int customerInterruptions, long minutes, long customerMinutesLost, boolean notifiedOnTime) {}

    public record AreaFigures(String area, int customersServed, long customerInterruptions, long customerMinutesLost,
            double saifi, double saidi) {}

    /** Planned and temporary outages that started in the month, and how many were announced in time. */
    public record NoticeFigures(int announcedOutages, int notifiedOnTime, Double onTimeShare) {}

    public record Report(String month, List<OutageFigures> outages, List<AreaFigures> areas, AreaFigures total,
            NoticeFigures notices) {

        public String csv() {
            var csv = Csv.withHeader("row", "id", "kind", "customersServed", "customerInterruptions", "minutes",
                    "customerMinutesLost", "saifi", "saidi", "notifiedOnTime");
            for (var o : outages) {
                csv.row("outage", o.outageId(), o.kind(), null, o.customerInterruptions(), o.minutes(),
                        o.customerMinutesLost(), null, null, o.notifiedOnTime());
            }
            var all = new ArrayList<>(areas);
            all.add(total);
            for (var a : all) {
                csv.row("area", a.area(), null, a.customersServed(), a.customerInterruptions(), null,
                        a.customerMinutesLost(), number(a.saifi()), number(a.saidi()), null);
            }
            csv.row("notices", month, "PLANNED+TEMPORARY", null, notices.announcedOutages(), null, null, null, null,
                    notices.onTimeShare() == null ? null : number(notices.onTimeShare()));
            return csv.toString();
        }
    }

    private final OutageRepository outages;
    private final SupplyPoints supplyPoints;
    private final Clock clock;

    ReliabilityIndices(OutageRepository outages, SupplyPoints supplyPoints, Clock clock) {
        this.outages = outages;
        this.supplyPoints = supplyPoints;
        this.clock = clock;
    }

    public Report month(YearMonth month) {
        return month(month, supplyPoints.servedByArea());
    }

    /** The month's figures against the given customers served per area. */
    Report month(YearMonth month, java.util.Map<Area, Integer> served) {
        var from = month.atDay(1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime();
        var to = month.plusMonths(1).atDay(1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime();
        var now = OffsetDateTime.now(clock);
        var byOutage = new LinkedHashMap<String, List<OutageRepository.Interruption>>();
        for (var row : outages.interruptions(from, to)) {
            if (row.startsAt().isAfter(now)) continue;
            byOutage.computeIfAbsent(row.outageId(), k -> new ArrayList<>()).add(row);
        }
        var interruptions = new EnumMap<Area, Long>(Area.class);
        var minutesLost = new EnumMap<Area, Long>(Area.class);
        var figures = new ArrayList<OutageFigures>();
        int announced = 0;
        int onTime = 0;
        for (var rows : byOutage.values()) {
            var first = rows.get(0);
            var end = first.restoredAt() != null ? first.restoredAt() : (now.isBefore(to) ? now : to);
            long minutes = Math.max(0, Duration.between(first.startsAt(), end).toMinutes());
            int customers = 0;
            for (var row : rows) {
                if (row.area() == null) continue;
                var area = Area.valueOf(row.area());
                customers += row.customers();
                interruptions.merge(area, (long) row.customers(), Long::sum);
                minutesLost.merge(area, row.customers() * minutes, Long::sum);
            }
            figures.add(new OutageFigures(first.outageId(), first.kind().name(), first.startsAt(), first.restoredAt(),
                    customers, minutes, customers * minutes, first.notifiedOnTime()));
            if (first.kind().announced()) {
                announced++;
                if (first.notifiedOnTime()) onTime++;
            }
        }
        var areas = new ArrayList<AreaFigures>();
        int totalServed = 0;
        long totalInterruptions = 0;
        long totalMinutes = 0;
        for (var area : Area.values()) {
            int n = served.getOrDefault(area, 0);
            long i = interruptions.getOrDefault(area, 0L);
            long m = minutesLost.getOrDefault(area, 0L);
            areas.add(figures(area.name(), n, i, m));
            totalServed += n;
            totalInterruptions += i;
            totalMinutes += m;
        }
        return new Report(month.toString(), figures, areas, figures("ALL", totalServed, totalInterruptions, totalMinutes),
                new NoticeFigures(announced, onTime, announced == 0 ? null : round((double) onTime / announced)));
    }

    private static AreaFigures figures(String area, int served, long interruptions, long minutes) {
        return new AreaFigures(area, served, interruptions, minutes, served == 0 ? 0 : round((double) interruptions / served),
                served == 0 ? 0 : round((double) minutes / served));
    }

    static double round(double value) {
        return Math.round(value * 1_000_000) / 1_000_000.0;
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }
}
