package com.gridcare.clock;

import com.gridcare.cases.CaseSlaFacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.cases.CaseKind;
import com.gridcare.cases.CaseRepository;
import com.gridcare.cases.CaseStatus;
import com.gridcare.cases.Channel;
import com.gridcare.cases.ServiceCase;
import com.gridcare.complaint.ComplaintCategory;
import com.gridcare.complaint.ComplaintIntake;
import com.gridcare.complaint.ComplaintRequest;
import com.gridcare.customer.Area;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.deployment.SourceFolder;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** Case clocks beyond complaints, and the calendars' warnings as an operator sees them. */
@GridCareTest
class CaseClocksTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    CaseClocks clocks;
    @Autowired
    CaseSlaFacts slaFacts;
    @Autowired
    CaseRepository cases;
    @Autowired
    CustomerRepository customers;
    @Autowired
    ClockService clockService;
    @Autowired
    Calendars calendars;
    @Autowired
    CalendarHealthIndicator health;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ComplaintIntake intake;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    TransactionTemplate transactions;

    @TempDir
    Path folder;

    @AfterEach
    void reset() {
        ClockUtil.reset();
        calendars.reload();
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private String serviceRequest(String customerId, String type, Instant receivedAt) {
        var id = cases.nextId(CaseKind.SERVICE_REQUEST, 2026);
        var received = OffsetDateTime.ofInstant(receivedAt, SHANGHAI);
        cases.insert(new ServiceCase(id, CaseKind.SERVICE_REQUEST, customerId, Channel.HOTLINE, type, "test request",
                null, null, received, null, CaseStatus.OPEN, "RECEIVED", "RESIDENTIAL", "field-service", 85, null,
                null), received);
        return id;
    }

    @Test
    void anOutageReportedAt23OnAPublicHolidayGetsClockTimeTargets() {
        var received = at("2026-10-01T23:00");
        ClockUtil.setCurrentTime(Date.from(received));
        var caseId = serviceRequest(testData.residential(), "OUTAGE_REPAIR", received);
        var serviceCase = cases.find(caseId).orElseThrow();
        var facts = slaFacts.of(serviceCase, customers.find(serviceCase.customerId()).orElseThrow());
        assertThat(facts.getArea()).isEqualTo(Area.URBAN);

        clocks.start(caseId, serviceCase.customerId(), facts, received, List.of(SlaClock.OUTAGE_ARRIVAL));

        var arrival = clocks.of(caseId, SlaClock.OUTAGE_ARRIVAL).orElseThrow();
        assertThat(arrival.calendar()).isEqualTo("24x7");
        assertThat(arrival.target()).isEqualTo("45 minutes / 45 分钟");
        assertThat(arrival.dueAt()).isEqualTo(OffsetDateTime.parse("2026-10-01T23:45+08:00"));
        assertThat(arrival.timeLeft()).isEqualTo("45 minutes left / 剩余 45 分钟");
        assertThat(clocks.of(caseId, SlaClock.OUTAGE_RESTORATION)).as("restoration starts on arrival").isEmpty();

        // the crew arrives at 23:40; restoration is due 3 hours later, after midnight, holiday or not
        var arrived = at("2026-10-01T23:40");
        ClockUtil.setCurrentTime(Date.from(arrived));
        clocks.met(caseId, SlaClock.OUTAGE_ARRIVAL, null);
        clocks.start(caseId, serviceCase.customerId(), facts, arrived, List.of(SlaClock.OUTAGE_RESTORATION));

        assertThat(clocks.of(caseId, SlaClock.OUTAGE_ARRIVAL).orElseThrow().state()).isEqualTo(ClockState.MET);
        var restoration = clocks.of(caseId, SlaClock.OUTAGE_RESTORATION).orElseThrow();
        assertThat(restoration.dueAt()).isEqualTo(OffsetDateTime.parse("2026-10-02T02:40+08:00"));
        assertThat(restoration.timeLeft()).isEqualTo("3 hours left / 剩余 3 小时");
    }

    @Test
    void startingTheClocksTwiceStartsThemOnce() {
        var received = at("2026-09-30T10:00");
        ClockUtil.setCurrentTime(Date.from(received));
        var caseId = serviceRequest(testData.residential(), "METER_TEST", received);

        var serviceCase = cases.find(caseId).orElseThrow();
        var facts = slaFacts.of(serviceCase, customers.find(serviceCase.customerId()).orElseThrow());
        clocks.start(caseId, serviceCase.customerId(), facts, received, null);
        clocks.start(caseId, serviceCase.customerId(), facts, received, null);

        var statuses = clocks.ofCase(caseId);
        assertThat(statuses).extracting(CaseClocks.CaseClockStatus::clock).containsExactly(SlaClock.METER_TEST_RESULT);
        // Wed 30 Sep 10:00 + 5 working days across National Day
        assertThat(statuses.get(0).dueAt()).isEqualTo(OffsetDateTime.parse("2026-10-13T10:00+08:00"));
        assertThat(clocks.history(caseId, SlaClock.METER_TEST_RESULT)).hasSize(1);
    }

    @Test
    void aYearWithoutACalendarFileIsCountedMondayToFridayAndShowsInHealthLogAndMetrics() {
        var due = clockService.add(Calendars.CHINA_WORKDAYS, at("2033-01-03T17:00"), Duration.ofHours(1));
        assertThat(due).isEqualTo(at("2033-01-04T09:00"));

        var counter = meters.find("gridcare.calendar.fallback.used").tag("calendar", "china-workdays")
                .tag("year", "2033").counter();
        assertThat(counter).isNotNull();
        assertThat(counter.count()).isPositive();
        assertThat(meters.find("gridcare.calendar.missing.years").gauge().value()).isPositive();
        var indicator = health.health();
        assertThat(indicator.getStatus()).isEqualTo(new Status("WARNING"));
        assertThat(indicator.getDetails().get("warnings").toString()).contains("calendar china-workdays has no file for 2033");

        testData.users();
        var answer = Api.at(port).as(Groups.OPERATORS).get("/actuator/health");
        assertThat(answer.json().path("status").asText()).isEqualTo("WARNING");
        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void addingNextYearsCalendarFileMovesTheDueDatesAndTimersOfOpenClocks() throws IOException {
        ClockUtil.setCurrentTime(Date.from(at("2027-02-01T09:00")));
        var receipt = transactions.execute(tx -> intake.register(new ComplaintRequest(testData.residential(),
                Channel.WECHAT, ComplaintCategory.METER, "Meter display is blank.", null, null)));
        var pi = receipt.processInstanceId();
        // counted Monday to Friday: Mon 1 Feb 09:00 + 63 working hours = Wed 10 Feb 09:00
        assertThat(receipt.resolutionDueAt()).isEqualTo(OffsetDateTime.parse("2027-02-10T09:00+08:00"));
        ClockUtil.setCurrentTime(Date.from(at("2027-02-01T10:00")));
        tasks.complete(tasks.createTaskQuery().processInstanceId(pi).singleResult().getId(),
                Map.of("contactOutcome", "REACHED", "contactNote", "Customer will send a photo of the meter."));
        // the message to the customer that the investigation started, as the job executor would send it
        management.executeJob(management.createJobQuery().processInstanceId(pi).messages().singleResult().getId());

        // the analyst adds 2027 with a week off from 8 February
        for (var name : List.of("china-workdays-2025.txt", "china-workdays-2026.txt", "24x7.txt")) {
            Files.copy(Path.of("rules/calendars", name), folder.resolve(name));
        }
        Files.writeString(folder.resolve("china-workdays-2027.txt"), """
                year: 2027
                zone: Asia/Shanghai
                working days: Monday-Friday
                working hours: 08:30-17:30
                holiday: 2027-02-08..2027-02-12  Test holiday
                """);
        calendars.publish(calendars.read(SourceFolder.of("rules/calendars", folder.toString())));

        var moved = OffsetDateTime.parse("2027-02-17T09:00+08:00");
        assertThat(clocks.dueAt(receipt.caseId(), SlaClock.COMPLAINT_RESOLUTION)).contains(moved);
        assertThat(tasks.createTaskQuery().processInstanceId(pi).singleResult().getDueDate().toInstant())
                .isEqualTo(moved.toInstant());
        assertThat(management.createJobQuery().processInstanceId(pi).activityId("BoundaryEvent_ResolutionOverdue")
                .singleResult().getDuedate().toInstant()).isEqualTo(moved.toInstant());
        assertThat(clocks.history(receipt.caseId(), SlaClock.COMPLAINT_RESOLUTION)).last()
                .extracting(CaseClocks.StateChange::note).isEqualTo("recounted with the changed calendar china-workdays");
        assertThat(clocks.dueAt(receipt.caseId(), SlaClock.COMPLAINT_FIRST_CONTACT)).as("already met, not moved")
                .contains(OffsetDateTime.parse("2027-02-02T09:00+08:00"));
    }
}
