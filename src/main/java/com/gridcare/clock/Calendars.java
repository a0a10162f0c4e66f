package com.gridcare.clock;

import com.gridcare.deployment.FolderWatcher;
import com.gridcare.deployment.SourceFolder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.gridcare.rules.runtime.RulesProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The live calendars from {@code rules/calendars/}. Read at start-up (a mistake stops start-up,
 * naming file and line); when watching, an edited file is read again and the new calendars replace
 * the live ones only if every file is valid.
 *
 * <p>A year without a calendar file is never silent: each use is logged (once per calendar and
 * year), counted ({@code gridcare.calendar.fallback.used}) and shown by the health indicator.
 */
@Component
public class Calendars {

    /** The China working-day calendar: 08:30–17:30 Asia/Shanghai, holidays and make-up days per year. */
    public static final String CHINA_WORKDAYS = "china-workdays";
    /** Clock time: every hour of every day. */
    public static final String AROUND_THE_CLOCK = "24x7";

    private static final Logger log = LoggerFactory.getLogger(Calendars.class);

    private final SourceFolder folder;
    private final MeterRegistry meters;
    private final Clock clock;
    private final int warnDaysBeforeYearEnd;
    private final AtomicReference<CalendarSet> live = new AtomicReference<>();
    private final Set<String> fallbackYearsUsed = ConcurrentHashMap.newKeySet();
    private final Map<String, Counter> fallbackCounters = new ConcurrentHashMap<>();
    private final List<Consumer<CalendarSet>> reloadListeners = new CopyOnWriteArrayList<>();
    private final FolderWatcher watcher;

    @Autowired
    Calendars(RulesProperties rules, ClockProperties properties, MeterRegistry meters, Clock clock) {
        this(rules.dir(), rules.watch(), properties.warnDaysBeforeYearEnd(), meters, clock);
    }

    Calendars(String rulesDir, boolean watch, int warnDaysBeforeYearEnd, MeterRegistry meters, Clock clock) {
        this.folder = SourceFolder.of("rules/calendars", rulesDir == null || rulesDir.isBlank() ? "" : rulesDir + "/calendars");
        this.meters = meters;
        this.clock = clock;
        this.warnDaysBeforeYearEnd = warnDaysBeforeYearEnd;
        var calendars = read();
        live.set(calendars);
        log.info("calendars {} read from {}: {}", calendars.version(), folder.describe(), describe(calendars));
        meters.gauge("gridcare.calendar.missing.years", this, c -> c.warnings().size());
        warnings().forEach(w -> log.warn("calendar warning: {}", w));
        this.watcher = watch ? new FolderWatcher("calendars", List.of(folder), 1000, this::reloadQuietly) : null;
    }

    public CalendarSet current() {
        return live.get();
    }

    public WorkingCalendar get(String id) {
        return live.get().get(id);
    }

    /** Reads rules/calendars/ as it is now and makes it live; on a mistake nothing changes. */
    public CalendarSet reload() {
        return publish(read());
    }

    /** Makes calendars live that were read elsewhere (e.g. checked first) and tells the reload listeners. */
    CalendarSet publish(CalendarSet calendars) {
        var previous = live.getAndSet(calendars);
        log.info("calendars {} live (was {}): {}", calendars.version(), previous.version(), describe(calendars));
        warnings().forEach(w -> log.warn("calendar warning: {}", w));
        reloadListeners.forEach(l -> l.accept(calendars));
        return calendars;
    }

    /** Called with the new calendars after every reload (e.g. to move the due dates of running clocks). */
    public void onReload(Consumer<CalendarSet> listener) {
        reloadListeners.add(listener);
    }

    /**
     * What an operator must know: years that were counted Monday–Friday for lack of a file, this
     * year without a file, and next year without a file when its first due dates come near.
     */
    public List<String> warnings() {
        var calendars = live.get();
        var warnings = new ArrayList<String>();
        var used = new TreeSet<String>();
        for (var key : fallbackYearsUsed) {
            var parts = key.split(" ");
            var calendar = calendars.find(parts[0]);
            if (calendar.isPresent() && !calendar.get().covers(Integer.parseInt(parts[1]))) used.add(key);
        }
        for (var key : used) {
            var parts = key.split(" ");
            warnings.add("calendar " + parts[0] + " has no file for " + parts[1] + ": dates in " + parts[1]
                    + " were counted Monday to Friday without holidays (add rules/calendars/" + parts[0] + "-"
                    + parts[1] + ".txt)");
        }
        var today = LocalDate.now(clock);
        for (var calendar : calendars.all().values()) {
            if (calendar.isAroundTheClock() || calendar.yearsWithFile().isEmpty()) continue;
            int year = today.getYear();
            if (!calendar.covers(year) && !used.contains(calendar.id() + " " + year)) {
                warnings.add("calendar " + calendar.id() + " has no file for this year, " + year
                        + ": working time is counted Monday to Friday without holidays");
            }
            var nextYearStarts = LocalDate.of(year + 1, 1, 1);
            if (!calendar.covers(year + 1) && !used.contains(calendar.id() + " " + (year + 1))
                    && !today.plusDays(warnDaysBeforeYearEnd).isBefore(nextYearStarts)) {
                warnings.add("calendar " + calendar.id() + " has no file for next year, " + (year + 1)
                        + ": due dates after " + year + "-12-31 will be counted Monday to Friday without holidays");
            }
        }
        return warnings;
    }

    private CalendarSet read() {
        return read(folder);
    }

    /** Reads calendar files from another folder, reporting fallback years like the live ones. */
    CalendarSet read(SourceFolder calendarsFolder) {
        return CalendarSet.parse(calendarsFolder.read(CalendarFile::isCalendarFile), this::fallbackYearUsed);
    }

    private void fallbackYearUsed(String calendarId, int year) {
        var key = calendarId + " " + year;
        fallbackCounters.computeIfAbsent(key, k -> Counter.builder("gridcare.calendar.fallback.used")
                .description("Working-time computations that counted a year without a calendar file Monday to Friday")
                .tag("calendar", calendarId).tag("year", String.valueOf(year)).register(meters)).increment();
        if (fallbackYearsUsed.add(key)) {
            log.warn("calendar {} has no file for {}: counting Monday to Friday without holidays "
                    + "(add rules/calendars/{}-{}.txt)", calendarId, year, calendarId, year);
        }
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            log.error("changed calendars refused; calendars {} keep serving: {}", current().version(), e.getMessage());
        }
    }

    private static String describe(CalendarSet calendars) {
        var sb = new StringBuilder();
        calendars.all().values().stream().sorted(java.util.Comparator.comparing(WorkingCalendar::id)).forEach(c ->
                sb.append(sb.isEmpty() ? "" : ", ").append(c.id())
                        .append(c.yearsWithFile().isEmpty() ? " (every year)" : " " + new TreeSet<>(c.yearsWithFile())));
        return sb.toString();
    }

    @PreDestroy
    void stop() {
        if (watcher != null) watcher.close();
    }
}
