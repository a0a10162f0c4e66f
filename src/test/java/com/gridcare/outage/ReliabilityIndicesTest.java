package com.gridcare.outage;

import static com.gridcare.testsupport.ReportJson.section;
import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.customer.Area;
import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.PreferredChannel;
import com.gridcare.customer.SupplyPoints;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.AsyncSteps;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.ReportJson;
import com.gridcare.testsupport.TestData;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * SAIFI and SAIDI for a fixture month (May 2030, which no other test touches) against values
 * computed by hand:
 *
 * <pre>
 * O1 PLANNED, on time     3 URBAN + 1 RURAL   10 May 09:00–14:00  300 min  4 interruptions, 1200 customer-minutes
 * O2 UNPLANNED            2 RURAL             20 May 10:00–12:00  120 min  2 interruptions,  240 customer-minutes
 * O3 TEMPORARY, override  1 URBAN (IMPORTANT) 25 May 08:00–08:30   30 min  1 interruption,    30 customer-minutes
 * served: URBAN 100, RURAL 50, REMOTE 10 (160)
 * URBAN  SAIFI 4/100 = 0.04     SAIDI (900 + 30)/100 = 9.3
 * RURAL  SAIFI 3/50  = 0.06     SAIDI (300 + 240)/50 = 10.8
 * ALL    SAIFI 7/160 = 0.04375  SAIDI 1470/160       = 9.1875
 * planned and temporary notified on time: 1 of 2 = 0.5
 * </pre>
 */
@GridCareTest
class ReliabilityIndicesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    ManagementService management;
    @Autowired
    ReliabilityIndices indices;
    @Autowired
    SupplyPoints supplyPoints;

    @BeforeEach
    void users() {
        testData.users();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static OffsetDateTime at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toOffsetDateTime();
    }

    static void now(String local) {
        ClockUtil.setCurrentTime(Date.from(at(local).toInstant()));
    }

    private String register(Api api, String kind, String feeder, String startsAt, String until, String more) {
        var answer = api.post("/api/v1/outages", """
                {"kind": "%s", "feeders": ["%s"], "startsAt": "%s", "expectedRestorationAt": "%s", "reason": "works"%s}"""
                .formatted(kind, feeder, at(startsAt), at(until), more));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        AsyncSteps.run(management, answer.json().path("outage").path("processInstanceId").asText());
        return answer.json().path("outage").path("id").asText();
    }

    private void restore(Api api, String id, String at) {
        now(at);
        assertThat(api.post("/api/v1/outages/" + id + "/restoration", "{\"restoredAt\": \"" + at(at) + "\"}").status())
                .isEqualTo(200);
    }

    @Test
    void saifiAndSaidiOfAFixtureMonthEqualTheHandComputedValues() throws Exception {
        var field = Api.at(port).as(Groups.FIELD_SERVICE);
        var supervisor = Api.at(port).as(Groups.SUPERVISORS);
        var f1 = TestData.uniqueId("REL");
        var f2 = TestData.uniqueId("REL");
        var f3 = TestData.uniqueId("REL");
        for (int i = 0; i < 3; i++) {
            testData.supplied(f1, null, CustomerClass.RESIDENTIAL, false, false, Area.URBAN, PreferredChannel.SMS);
        }
        testData.supplied(f1, null, CustomerClass.RESIDENTIAL, false, false, Area.RURAL, PreferredChannel.SMS);
        testData.supplied(f2, null, CustomerClass.RESIDENTIAL, false, false, Area.RURAL, PreferredChannel.APP);
        testData.supplied(f2, null, CustomerClass.RESIDENTIAL, false, false, Area.RURAL, PreferredChannel.APP);
        testData.supplied(f3, null, CustomerClass.PUBLIC, true, false, Area.URBAN, PreferredChannel.PHONE);

        now("2030-04-20T10:00");
        var o1 = register(field, "PLANNED", f1, "2030-05-10T09:00", "2030-05-10T15:00", "");
        restore(field, o1, "2030-05-10T14:00");
        now("2030-05-20T10:05");
        var o2 = register(field, "UNPLANNED", f2, "2030-05-20T10:00", "2030-05-20T13:00", "");
        restore(field, o2, "2030-05-20T12:00");
        now("2030-05-24T20:00");
        var o3 = register(supervisor, "TEMPORARY", f3, "2030-05-25T08:00", "2030-05-25T09:00",
                ", \"overrideReason\": \"Transformer oil leak\"");
        restore(field, o3, "2030-05-25T08:30");
        now("2030-06-01T09:00");

        var report = indices.month(YearMonth.of(2030, 5), Map.of(Area.URBAN, 100, Area.RURAL, 50, Area.REMOTE, 10));

        assertThat(report.outages()).extracting(o -> o.outageId() + ":" + o.customerInterruptions() + ":" + o.minutes()
                + ":" + o.customerMinutesLost())
                .containsExactly(o1 + ":4:300:1200", o2 + ":2:120:240", o3 + ":1:30:30");
        var urban = report.areas().get(0);
        var rural = report.areas().get(1);
        assertThat(urban.area()).isEqualTo("URBAN");
        assertThat(urban.saifi()).isEqualTo(0.04);
        assertThat(urban.saidi()).isEqualTo(9.3);
        assertThat(rural.saifi()).isEqualTo(0.06);
        assertThat(rural.saidi()).isEqualTo(10.8);
        assertThat(report.areas().get(2).saifi()).isZero();
        assertThat(report.total().saifi()).isEqualTo(0.04375);
        assertThat(report.total().saidi()).isEqualTo(9.1875);
        assertThat(report.notices().announcedOutages()).isEqualTo(2);
        assertThat(report.notices().onTimeShare()).isEqualTo(0.5);

        // the API: the same outages, customers served as GridCare holds them now, JSON and CSV
        var manager = Api.at(port).as(Groups.SERVICE_MANAGERS);
        var json = manager.get("/api/v1/reports/reliability?month=2030-05").json();
        assertThat(json.path("outages").size()).isEqualTo(3);
        var served = supplyPoints.servedByArea().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(json.path("total").path("customersServed").asInt()).isEqualTo(served);
        assertThat(json.path("total").path("customerMinutesLost").asLong()).isEqualTo(1470);
        var csv = manager.get("/api/v1/reports/reliability?month=2030-05&format=csv");
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).contains("outage," + o1 + ",PLANNED,,4,300,1200,,,true");
        assertThat(manager.get("/api/v1/reports/reliability?month=2030-13").status()).isEqualTo(400);

        serviceReportShowsTheSameIndices(manager, o1, o2, o3);
    }

    /**
     * The monthly service report's reliability section: the hand-computed interruptions, customer-minutes and
     * on-time share, and SAIFI and SAIDI as those divided by the customers GridCare serves now (the report
     * cannot be given the fixture's 100/50/10), equal to the service's; the same figures in the workbook.
     */
    private void serviceReportShowsTheSameIndices(Api manager, String o1, String o2, String o3) throws Exception {
        var served = supplyPoints.servedByArea();
        int all = served.values().stream().mapToInt(Integer::intValue).sum();
        var expected = indices.month(YearMonth.of(2030, 5));
        var answer = manager.get("/api/v1/reports/service?month=2030-05");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        var section = section(answer.json(), "reliability");
        var figures = figureKeys(section);
        assertThat(figures).containsExactly("customersServed", "interruptions", "customerMinutes", "saifi", "saidi",
                "announced", "notifiedOnTime", "onTimeShare");
        var urban = row(section, "URBAN");
        var rural = row(section, "RURAL");
        var total = row(section, "ALL");
        assertThat(urban.get(0).asInt()).isEqualTo(served.get(Area.URBAN));
        assertThat(urban.get(1).asLong()).isEqualTo(4);
        assertThat(urban.get(2).asLong()).isEqualTo(930);
        assertThat(urban.get(3).decimalValue()).isEqualByComparingTo(ratio(4, served.get(Area.URBAN)));
        assertThat(urban.get(4).decimalValue()).isEqualByComparingTo(ratio(930, served.get(Area.URBAN)));
        assertThat(rural.get(1).asLong()).isEqualTo(3);
        assertThat(rural.get(2).asLong()).isEqualTo(540);
        assertThat(rural.get(3).decimalValue()).isEqualByComparingTo(ratio(3, served.get(Area.RURAL)));
        assertThat(rural.get(4).decimalValue()).isEqualByComparingTo(ratio(540, served.get(Area.RURAL)));
        assertThat(total.get(0).asInt()).isEqualTo(all);
        assertThat(total.get(1).asLong()).isEqualTo(7);
        assertThat(total.get(2).asLong()).isEqualTo(1470);
        assertThat(total.get(3).decimalValue()).isEqualByComparingTo(ratio(7, all))
                .isEqualByComparingTo(BigDecimal.valueOf(expected.total().saifi()));
        assertThat(total.get(4).decimalValue()).isEqualByComparingTo(ratio(1470, all))
                .isEqualByComparingTo(BigDecimal.valueOf(expected.total().saidi()));
        assertThat(urban.get(3).decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(expected.areas().get(0).saifi()));
        assertThat(rural.get(4).decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(expected.areas().get(1).saidi()));
        assertThat(total.get(5).asInt()).isEqualTo(2);
        assertThat(total.get(6).asInt()).isEqualTo(1);
        assertThat(total.get(7).decimalValue()).isEqualByComparingTo("0.5");
        assertThat(urban.get(7).isNull()).isTrue();

        var outages = section(answer.json(), "outages");
        assertThat(outages.path("rows")).extracting(r -> r.path("key").asText() + ":" + r.path("figures").get(0).asInt()
                + ":" + r.path("figures").get(1).asInt() + ":" + r.path("figures").get(2).asInt() + ":"
                + r.path("figures").get(3).asInt())
                .containsExactlyInAnyOrder(o1 + "|PLANNED:4:300:1200:1", o2 + "|UNPLANNED:2:120:240:0",
                        o3 + "|TEMPORARY:1:30:30:0");
        // an outage's figures belong to no case: the drill-down lists none
        var cases = manager.get("/api/v1/reports/service/cases?month=2030-05&section=reliability&figure=saifi&row=ALL");
        assertThat(cases.status()).as(cases.body()).isEqualTo(200);
        assertThat(cases.json().path("total").asInt()).isZero();

        var csv = manager.get("/api/v1/reports/service?month=2030-05&format=csv").body();
        assertThat(csv).contains("# reliability,Supply reliability,供电可靠性",
                "ALL," + all + ",7,1470," + ratio(7, all).toPlainString() + "," + ratio(1470, all).toPlainString()
                        + ",2,1,0.500");

        try (var workbook = ReportJson.workbook(port, "2030-05")) {
            var sheet = workbook.getSheet("Supply reliability");
            assertThat(sheet).isNotNull();
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("供电可靠性", "2030-05");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("SAIFI (interruptions per customer)");
            assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEqualTo("SAIFI 户均停电次数");
            assertThat(sheet.getRow(2).getCell(8).getStringCellValue()).isEqualTo("按时通知率");
            Row allRow = null;
            for (int r = 3; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(0).getStringCellValue().equals("ALL")) allRow = sheet.getRow(r);
            }
            assertThat(allRow).isNotNull();
            assertThat(allRow.getCell(2).getNumericCellValue()).isEqualTo(7);
            assertThat(allRow.getCell(3).getNumericCellValue()).isEqualTo(1470);
            assertThat(BigDecimal.valueOf(allRow.getCell(4).getNumericCellValue())).isEqualByComparingTo(ratio(7, all));
            assertThat(BigDecimal.valueOf(allRow.getCell(5).getNumericCellValue())).isEqualByComparingTo(ratio(1470, all));
            assertThat(allRow.getCell(8).getNumericCellValue()).isEqualTo(0.5);
        }
    }

    private static BigDecimal ratio(long numerator, int denominator) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 6, RoundingMode.HALF_UP);
    }

    private static List<String> figureKeys(JsonNode section) {
        var keys = new ArrayList<String>();
        section.path("figures").forEach(f -> keys.add(f.path("key").asText()));
        return keys;
    }

    private static JsonNode row(JsonNode section, String key) {
        for (var r : section.path("rows")) {
            if (r.path("key").asText().equals(key)) return r.path("figures");
        }
        throw new AssertionError("no row " + key + " in " + section);
    }
}
