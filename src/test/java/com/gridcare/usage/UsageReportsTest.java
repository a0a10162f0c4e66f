package com.gridcare.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.gridcare.api.NotFoundException;
import com.gridcare.consent.ConsentPurpose;
import com.gridcare.consent.Consents;
import com.gridcare.consent.MessagePurpose;
import com.gridcare.customer.Area;
import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.CustomerFacts;
import com.gridcare.customer.CustomerMasterData;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.customer.MonthlyConsumption;
import com.gridcare.customer.PreferredChannel;
import com.gridcare.customer.Tier;
import com.gridcare.kernel.Groups;
import com.gridcare.notification.NotificationOutbox;
import com.gridcare.notification.NotificationTemplate;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal usage reports against a hand-computed fixture in 2010–2011, a time no other test uses (so the
 * median of the class and area is the fixture's own): the figures, the advice the rules chose, the
 * message queued only with advice consent on the preferred channel, a rerun that queues nothing twice,
 * and the key account's quarterly PDF with its figures and Chinese text.
 */
@GridCareTest
class UsageReportsTest {

    @LocalServerPort
    int port;
    @Autowired
    UsageReports reports;
    @Autowired
    UsageReportPdf pdf;
    @Autowired
    CustomerRepository customers;
    @Autowired
    Consents consents;
    @Autowired
    NotificationOutbox outbox;
    @Autowired
    TestData testData;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private String customer(CustomerClass customerClass, Area area, PreferredChannel channel, Tier tier,
            Set<String> segments, Map<String, Integer> kwhByMonth, Set<String> late) {
        var id = TestData.uniqueId("USE");
        customers.save(id, new CustomerMasterData("用电测试 " + id, customerClass, new BigDecimal("0.4"),
                new BigDecimal("50"), LocalDate.of(2005, 1, 1), null, false, false, segments.contains("GREEN"), area,
                channel, "13800138000", "usage@example.cn", null, null, null), OffsetDateTime.now());
        var months = new ArrayList<MonthlyConsumption>();
        kwhByMonth.forEach((month, kwh) -> months.add(new MonthlyConsumption(month, BigDecimal.valueOf(kwh),
                BigDecimal.valueOf(kwh).multiply(new BigDecimal("0.56")), !late.contains(month))));
        customers.saveConsumption(id, months);
        var facts = new CustomerFacts();
        facts.proposeTier(tier, "fixture");
        segments.forEach(facts::addSegment);
        customers.saveEvaluation(id, facts.getEvaluation(), OffsetDateTime.now());
        return id;
    }

    private void consent(String customerId, PreferredChannel channel, ConsentPurpose purpose) {
        consents.record(customerId, channel, purpose, true, "APP_SETTINGS", null, "test");
    }

    private static Map<String, Integer> months(YearMonth from, int... kwh) {
        var map = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < kwh.length; i++) map.put(from.plusMonths(i).toString(), kwh[i]);
        return map;
    }

    @org.junit.jupiter.api.BeforeEach
    void users() {
        testData.users();
    }

    @Test
    void monthlyReportFiguresEqualTheHandComputedFixtureAndOnlyAdviceConsentOnThePreferredChannelGetsOne() {
        // 2010-06 … 2011-06; the twelve months to 2011-06 sum to 2,860 kWh, June–August 1,120 (39 %: a summer peak)
        var a = customer(CustomerClass.RESIDENTIAL, Area.REMOTE, PreferredChannel.SMS, Tier.RESIDENTIAL, Set.of("GREEN"),
                months(YearMonth.of(2010, 6), 250, 400, 420, 200, 180, 190, 210, 220, 200, 180, 170, 190, 300),
                Set.of("2011-01", "2011-03"));
        var noConsent = customer(CustomerClass.RESIDENTIAL, Area.REMOTE, PreferredChannel.SMS, Tier.RESIDENTIAL,
                Set.of(), months(YearMonth.of(2011, 6), 200), Set.of());
        var otherChannel = customer(CustomerClass.RESIDENTIAL, Area.REMOTE, PreferredChannel.SMS, Tier.RESIDENTIAL,
                Set.of(), months(YearMonth.of(2011, 6), 240), Set.of());
        var marketingOnly = customer(CustomerClass.RESIDENTIAL, Area.REMOTE, PreferredChannel.SMS, Tier.RESIDENTIAL,
                Set.of(), months(YearMonth.of(2011, 6), 260), Set.of());
        consent(a, PreferredChannel.SMS, ConsentPurpose.ADVICE);
        consent(otherChannel, PreferredChannel.EMAIL, ConsentPurpose.ADVICE);
        consent(marketingOnly, PreferredChannel.SMS, ConsentPurpose.MARKETING);

        var run = reports.run(UsagePeriod.parse("2011-06"), "test");

        assertThat(run.computedNow()).isEqualTo(1);
        assertThat(run.queuedNow()).isEqualTo(1);
        var report = reports.report(a, "2011-06");
        assertThat(report.kwh()).isEqualByComparingTo("300");
        assertThat(report.kwhLastYear()).isEqualByComparingTo("250");
        assertThat(report.changeLastYearPercent()).isEqualTo(20);
        // median of 200, 240, 260 and 300 (every REMOTE household with June 2011, consent or not) = 250
        assertThat(report.classMedianKwh()).isEqualByComparingTo("250");
        assertThat(report.changeMedianPercent()).isEqualTo(20);
        assertThat(report.peakSeason()).isEqualTo(PeakSeason.SUMMER);
        assertThat(report.peakMonths()).extracting(UsageReport.MonthKwh::month)
                .containsExactly("2010-08", "2010-07", "2011-06");
        assertThat(report.bills()).hasSize(12);
        assertThat(report.bills().get(0).month()).isEqualTo("2010-07");
        assertThat(report.bills().get(11).billedAmount()).isEqualByComparingTo("168.00");
        assertThat(report.lateBills12()).isEqualTo(2);
        assertThat(report.advice()).extracting(UsageReport.Tip::code)
                .containsExactly(Advice.GREEN_PLAN, Advice.CONSUMPTION_RISING, Advice.AUTOPAY);
        assertThat(report.adviceRule()).contains("GREEN_PLAN: green-minded");
        assertThat(report.status()).isEqualTo("QUEUED");

        var queued = outbox.forTopic("USAGE:2011-06");
        assertThat(queued).singleElement().satisfies(n -> {
            assertThat(n.customerId()).isEqualTo(a);
            assertThat(n.purpose()).isEqualTo(MessagePurpose.ADVICE);
            assertThat(n.template()).isEqualTo(NotificationTemplate.USAGE_REPORT);
            assertThat(n.attachmentRef()).isNull();
            assertThat(n.body()).contains("2011-06 您用电 300 千瓦时").contains("+20%").contains(Advice.GREEN_PLAN.zh())
                    .contains("In 2011-06 you used 300 kWh").contains(Advice.AUTOPAY.en());
        });
        for (var without : new String[] {noConsent, otherChannel, marketingOnly}) {
            assertThatThrownBy(() -> reports.report(without, "2011-06")).isInstanceOf(NotFoundException.class);
        }

        var again = reports.run(UsagePeriod.parse("2011-06"), "test");
        assertThat(again.computedNow()).isZero();
        assertThat(again.queuedNow()).isZero();
        assertThat(again.reports()).containsExactly(Map.entry("QUEUED", 1L));
        assertThat(outbox.forTopic("USAGE:2011-06")).hasSize(1);

        var api = Api.at(port).as(Groups.CUSTOMER_SERVICE).get("/api/v1/customers/" + a + "/usage-reports/2011-06");
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        assertThat(api.body()).contains("\"changeMedianPercent\":20").contains("\"GREEN_PLAN\"");
    }

    @Test
    void keyAccountsGetAQuarterlyReportWithAPdfThatHoldsTheFiguresAndChineseText() throws Exception {
        var k = customer(CustomerClass.INDUSTRIAL, Area.RURAL, PreferredChannel.EMAIL, Tier.KEY, Set.of("RELIABILITY"),
                months(YearMonth.of(2010, 4), 90_000, 100_000, 110_000, 160_000, 170_000, 100_000, 90_000, 90_000,
                        95_000, 95_000, 90_000, 95_000, 100_000, 110_000, 150_000),
                Set.of());
        consent(k, PreferredChannel.EMAIL, ConsentPurpose.ADVICE);

        var monthly = reports.run(UsagePeriod.parse("2010-05"), "test");
        assertThat(monthly.reports()).as("key accounts get quarterly reports, not monthly ones").isEmpty();
        var run = reports.run(UsagePeriod.parse("2011-Q2"), "test");

        assertThat(run.queuedNow()).isEqualTo(1);
        var report = reports.report(k, "2011-Q2");
        assertThat(report.kind()).isEqualTo(ReportKind.QUARTERLY);
        assertThat(report.kwh()).isEqualByComparingTo("360000");
        assertThat(report.kwhLastYear()).isEqualByComparingTo("300000");
        assertThat(report.changeLastYearPercent()).isEqualTo(20);
        assertThat(report.classMedianKwh()).isEqualByComparingTo("360000");
        assertThat(report.changeMedianPercent()).isZero();
        assertThat(report.peakSeason()).isEqualTo(PeakSeason.SUMMER);
        assertThat(report.advice()).extracting(UsageReport.Tip::code)
                .containsExactly(Advice.CONSUMPTION_RISING, Advice.DEMAND_RESPONSE);
        var message = outbox.forTopic("USAGE:2011-Q2");
        assertThat(message).singleElement().satisfies(n -> {
            assertThat(n.channel()).isEqualTo(PreferredChannel.EMAIL);
            assertThat(n.attachmentRef()).isEqualTo("usage-report:" + k + ":2011-Q2");
        });

        var attachment = pdf.attachment(message.get(0).attachmentRef()).orElseThrow();
        assertThat(attachment.contentType()).isEqualTo("application/pdf");
        try (var document = Loader.loadPDF(attachment.content())) {
            var text = new PDFTextStripper().getText(document);
            assertThat(text).contains("用电报告").contains("Usage report 2011-Q2").contains("360,000 kWh")
                    .contains("300,000 kWh").contains("+20%").contains("170,000")
                    .contains("需求响应协议").contains("用电测试");
            var resources = document.getPage(0).getResources();
            var embedded = new ArrayList<String>();
            for (var name : resources.getFontNames()) {
                if (resources.getFont(name) instanceof org.apache.pdfbox.pdmodel.font.PDType0Font chinese
                        && chinese.isEmbedded()) {
                    embedded.add(chinese.getName());
                }
            }
            assertThat(embedded).as("the Chinese font, embedded as a subset").singleElement()
                    .satisfies(n -> assertThat(n).matches("^[A-Z]{6}\\+.*"));
        }
        var viaApi = Api.at(port).as(Groups.KEY_ACCOUNTS).get("/api/v1/customers/" + k + "/usage-reports/2011-Q2/pdf");
        assertThat(viaApi.status()).isEqualTo(200);
    }

    @Test
    void aCustomerWithoutAdviceConsentGetsNoReportButServiceMessagesStillGo() {
        var c = customer(CustomerClass.COMMERCIAL, Area.REMOTE, PreferredChannel.SMS, Tier.BUSINESS, Set.of(),
                months(YearMonth.of(2010, 2), 1000), Set.of());
        var run = reports.run(UsagePeriod.parse("2010-02"), "test");
        assertThat(run.computedNow()).isZero();
        assertThat(outbox.forTopic("USAGE:2010-02")).isEmpty();
        NotificationOutbox.Queued service = transactions.execute(tx -> outbox.enqueueToCustomer(c, "SERVICE:" + c,
                NotificationTemplate.USAGE_REPORT, "1", MessagePurpose.SERVICE, Map.of("period", "2010-02", "kwh", "1000",
                        "changeLastYear", "—", "changeClassMedian", "—", "advice", "—"), null));
        assertThat(service).as("a service message needs no consent").isEqualTo(NotificationOutbox.Queued.QUEUED);
        consent(c, PreferredChannel.SMS, ConsentPurpose.ADVICE);
        assertThat(reports.run(UsagePeriod.parse("2010-02"), "test").queuedNow()).as("once consented").isEqualTo(1);
    }

    @Test
    void aReportKeepsEveryTipTheRulesCanGiveAtOnce() {
        var c = customer(CustomerClass.COMMERCIAL, Area.URBAN, PreferredChannel.SMS, Tier.BUSINESS, Set.of(),
                months(YearMonth.of(2009, 5), 800), Set.of());
        consent(c, PreferredChannel.SMS, ConsentPurpose.ADVICE);
        assertThat(reports.run(UsagePeriod.parse("2009-05"), "test").computedNow()).isEqualTo(1);
        var everyTip = java.util.Arrays.stream(Advice.values()).map(Enum::name).collect(java.util.stream.Collectors.joining(","));
        assertThat(jdbc.update("UPDATE usage_report SET advice = ? WHERE customer_id = ? AND period = '2009-05'", everyTip, c))
                .isOne();
        assertThat(reports.report(c, "2009-05").advice()).extracting(UsageReport.Tip::code)
                .containsExactly(Advice.values());
    }
}
