package com.gridcare.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calendars read from an analyst's folder: reloaded when a file is added, a broken file refused, warnings raised. */
class CalendarsReloadTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path rules;

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private Calendars calendarsOn(String today) throws IOException {
        var folder = Files.createDirectories(rules.resolve("calendars"));
        for (var name : new String[] {"china-workdays-2025.txt", "china-workdays-2026.txt", "24x7.txt", "README.md"}) {
            Files.copy(Path.of("rules/calendars", name), folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
        return new Calendars(rules.toString(), false, 60, new SimpleMeterRegistry(),
                Clock.fixed(at(today), SHANGHAI));
    }

    private static final String YEAR_2027 = """
            name: China working days / 中国工作日
            year: 2027
            zone: Asia/Shanghai
            working days: Monday-Friday
            working hours: 08:30-17:30
            holiday: 2027-02-08..2027-02-12  Test holiday
            """;

    @Test
    void warnsAboutNextYearFromSixtyDaysBeforeItAndForgetsOnceItsFileIsThere() throws IOException {
        assertThat(calendarsOn("2026-10-15T10:00").warnings()).isEmpty();
        var calendars = calendarsOn("2026-11-26T10:00");
        assertThat(calendars.warnings()).containsExactly("calendar china-workdays has no file for next year, 2027: "
                + "due dates after 2026-12-31 will be counted Monday to Friday without holidays");

        Files.writeString(rules.resolve("calendars/china-workdays-2027.txt"), YEAR_2027);
        calendars.reload();
        assertThat(calendars.warnings()).isEmpty();
        assertThat(calendars.get("china-workdays").covers(2027)).isTrue();
    }

    @Test
    void aYearUsedWithoutAFileIsNamedInTheWarningsUntilItsFileIsAdded() throws IOException {
        var calendars = calendarsOn("2026-03-02T10:00");
        var reloads = new ArrayList<CalendarSet>();
        calendars.onReload(reloads::add);
        var china = calendars.get("china-workdays");
        // Mon 2027-02-08 10:00 + 1 working day, counted Monday to Friday
        assertThat(china.add(at("2027-02-08T10:00"), Duration.ofHours(9))).isEqualTo(at("2027-02-09T10:00"));
        assertThat(calendars.warnings()).containsExactly("calendar china-workdays has no file for 2027: dates in 2027 "
                + "were counted Monday to Friday without holidays (add rules/calendars/china-workdays-2027.txt)");

        Files.writeString(rules.resolve("calendars/china-workdays-2027.txt"), YEAR_2027);
        var reloaded = calendars.reload();
        assertThat(reloads).containsExactly(reloaded);
        assertThat(calendars.warnings()).isEmpty();
        assertThat(calendars.get("china-workdays").add(at("2027-02-08T10:00"), Duration.ofHours(9)))
                .as("the week off starts Monday 8th: the whole working day is Monday 15th").isEqualTo(at("2027-02-15T17:30"));
    }

    @Test
    void aBrokenFileIsRefusedAndTheLiveCalendarsKeepServing() throws IOException {
        var calendars = calendarsOn("2026-03-02T10:00");
        var live = calendars.current();
        Files.writeString(rules.resolve("calendars/china-workdays-2027.txt"), YEAR_2027.replace("2027-02-12", "2027-02-31"));

        assertThatThrownBy(calendars::reload).hasMessage(
                "china-workdays-2027.txt:6: '2027-02-31' is not a date (write dates as 2026-10-01)");
        assertThat(calendars.current()).isSameAs(live);
    }
}
