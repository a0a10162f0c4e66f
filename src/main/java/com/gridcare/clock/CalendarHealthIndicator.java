package com.gridcare.clock;

import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "calendars": UP, or WARNING when a year is (or soon will be)
 * counted Monday to Friday for lack of a calendar file. WARNING is ordered before UP in
 * {@code management.endpoint.health.status.order}, so the overall status shows it too; it still
 * answers HTTP 200, because the application works, just not exactly.
 */
@Component("calendarsHealthIndicator")
class CalendarHealthIndicator implements HealthIndicator {

    static final Status WARNING = new Status("WARNING", "a calendar file is missing");

    private final Calendars calendars;

    CalendarHealthIndicator(Calendars calendars) {
        this.calendars = calendars;
    }

    @Override
    public Health health() {
        var current = calendars.current();
        var years = new TreeMap<String, Object>();
        current.all().forEach((id, c) -> years.put(id, c.yearsWithFile().isEmpty() ? "every year"
                : new TreeSet<>(c.yearsWithFile())));
        var warnings = calendars.warnings();
        var health = warnings.isEmpty() ? Health.up() : Health.status(WARNING).withDetail("warnings", warnings);
        return health.withDetail("version", current.version()).withDetail("calendars", years).build();
    }
}
