package com.gridcare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.gridcare.kernel.EngineClock;
import com.gridcare.browser.Browser.Language;
import com.gridcare.insight.ServiceReportFixture;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.TestData;
import com.gridcare.consent.ConsentPurpose;
import com.gridcare.consent.Consents;
import com.gridcare.customer.Area;
import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.CustomerMasterData;
import com.gridcare.customer.CustomerService;
import com.gridcare.customer.PreferredChannel;
import com.gridcare.survey.SurveyCampaigns;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import java.util.ArrayList;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service dashboard in Cockpit, in headless Chromium, in English and Chinese: a service manager logs in to
 * Cockpit, finds the dashboard with its charts, changes the month and the group, clicks the bar of breached
 * first-contact clocks and gets exactly the cases SQL finds behind it, and opens one case's record. The survey
 * campaign cards (by question, by segment) show a campaign answered in the month; segments, tiers and offers
 * in words of the screen's language, not the rules' codes. Screenshots
 * under target/screenshots/service-dashboard-*; the README shows them from docs/screenshots/.
 */
@BrowserTest
class ServiceDashboardBrowserTest {

    private static final String MONTH = "2013-02";
    private static final String GROUP = "billing";

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CustomerService customerService;
    @Autowired
    Consents consents;
    @Autowired
    SurveyCampaigns campaigns;

    private String campaignId;

    @BeforeEach
    void setUp() {
        testData.users();
        ServiceReportFixture.seed(jdbc, testData.residential());
        campaignId = campaignAnsweredInTheMonth();
    }

    /** A survey campaign launched and answered in the fixture's month, by a customer who agreed to marketing. */
    private String campaignAnsweredInTheMonth() {
        var launch = YearMonth.parse(MONTH).atDay(10).atTime(10, 0).atZone(EngineClock.ZONE).toOffsetDateTime();
        ClockUtil.setCurrentTime(Date.from(launch.toInstant()));
        try {
            var customer = TestData.uniqueId("DASH");
            customerService.save(customer, new CustomerMasterData("School " + customer, CustomerClass.PUBLIC,
                    new BigDecimal("10"), new BigDecimal("200"), LocalDate.of(2005, 1, 1), null, false, false, true,
                    Area.REMOTE, PreferredChannel.SMS, "13800138000", null, null, null, null));
            consents.record(customer, PreferredChannel.SMS, ConsentPurpose.MARKETING, true, "TEST_FORM", null, "test");
            var campaign = campaigns.define("Remote schools", "偏远地区学校调查",
                    new SurveyCampaigns.Target(null, null, CustomerClass.PUBLIC, Area.REMOTE, 1_000_000),
                    launch.minusMinutes(1), launch.plusDays(10),
                    List.of(new SurveyCampaigns.Question(0, SurveyCampaigns.QuestionKind.SCALE, "How reliable is your supply?",
                            "您对供电可靠性是否满意？")), "test");
            campaigns.launch(campaign.id());
            var code = jdbc.sql("SELECT reply_code FROM survey_campaign_invitation WHERE campaign_id = ? AND customer_id = ?")
                    .params(campaign.id(), customer).query(String.class).single();
            campaigns.answer(campaign.id(), code, List.of(new SurveyCampaigns.Answer(1, 4, null)));
            return campaign.id();
        } finally {
            ClockUtil.reset();
        }
    }

    private TreeSet<String> breachedFirstContactCases() {
        var month = YearMonth.parse(MONTH);
        return new TreeSet<>(jdbc.sql("""
                SELECT k.case_id FROM case_clock k JOIN service_case c ON c.id = k.case_id
                 WHERE k.clock_name = 'COMPLAINT_FIRST_CONTACT' AND k.state = 'BREACHED' AND c.assigned_group = ?
                   AND k.state_changed_at >= ? AND k.state_changed_at < ?""")
                .params(GROUP, month.atDay(1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime(),
                        month.plusMonths(1).atDay(1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime())
                .query(String.class).list());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aManagerChangesMonthAndGroupAndDrillsFromTheBreachedClockBarToItsCases(Language language) throws Exception {
        var chinese = language == Language.CHINESE;
        var expected = breachedFirstContactCases();
        assertThat(expected).isNotEmpty();
        try (var browser = Browser.open(port, language, "service-dashboard-" + (chinese ? "zh" : "en"))) {
            LoginPage.ofCockpit(browser).submit(TestData.user(Groups.SERVICE_MANAGERS), TestData.PASSWORD);
            var dashboard = browser.visible(By.cssSelector(".gc-service-dashboard[data-loaded]"));
            assertThat(dashboard.findElement(By.cssSelector("h1")).getText()).isEqualTo(chinese ? "服务看板" : "Service dashboard");
            var js = (JavascriptExecutor) browser.driver();
            js.executeScript("arguments[0].scrollIntoView({block: 'start'})", dashboard);
            browser.screenshot("opened");

            // the period: the month field, as a date picker would set it
            var month = browser.visible(By.cssSelector(".gc-month"));
            js.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))", month, MONTH);
            browser.visible(By.cssSelector(".gc-service-dashboard[data-loaded^='" + MONTH + "|']"));
            // the survey campaign's card: its answers by question, and a card by segment
            var campaignCard = browser.visible(By.cssSelector(".gc-card[data-section='campaigns']"));
            assertThat(campaignCard.findElement(By.cssSelector(".panel-title")).getText())
                    .isEqualTo(chinese ? "专项满意度调查" : "Survey campaigns");
            assertThat(campaignCard.findElement(By.cssSelector("thead")).getText())
                    .contains(chinese ? "调查活动" : "Campaign", chinese ? "答复数" : "Answers");
            var campaignRow = campaignCard.findElement(By.cssSelector("tr[data-row^='" + campaignId + "|']"));
            assertThat(campaignRow.getText()).contains("Q1 How reliable is your supply? / 您对供电可靠性是否满意？");
            assertThat(browser.visible(By.cssSelector(".gc-card[data-section='campaignSegments'] .panel-title")).getText())
                    .isEqualTo(chinese ? "专项满意度调查（按客户细分）" : "Survey campaigns by segment");
            // the green-minded school's segment in words, not the rules' code
            var segmentRow = browser.visible(By.cssSelector(".gc-card[data-section='campaignSegments'] tr[data-row^='"
                    + campaignId + "|'][data-row$='|GREEN']"));
            assertThat(segmentRow.findElements(By.tagName("td")).get(2).getText()).isEqualTo(chinese ? "绿色用电" : "Green");
            js.executeScript("arguments[0].scrollIntoView({block: 'center'})", segmentRow);
            browser.screenshot("campaign-segments");
            js.executeScript("arguments[0].scrollIntoView({block: 'start'})", campaignCard);
            browser.screenshot("campaigns");
            // the group, chosen from the list
            new Select(browser.visible(By.cssSelector(".gc-group"))).selectByValue(GROUP);
            browser.visible(By.cssSelector(".gc-service-dashboard[data-loaded='" + MONTH + "|" + GROUP + "|||']"));
            assertThat(new Select(browser.visible(By.cssSelector(".gc-group"))).getFirstSelectedOption().getText())
                    .isEqualTo(chinese ? "电费核算" : "Billing");
            assertThat(browser.visible(By.cssSelector(".gc-status")).getText()).as("when the figures were summed")
                    .containsPattern(chinese ? "截至 .+ · 数据汇总于 \\S+" : "as of .+ · figures summed \\S+");
            var cards = browser.driver().findElements(By.cssSelector(".gc-card .panel-title")).stream().map(WebElement::getText).toList();
            assertThat(cards).contains(chinese ? "时限达标" : "SLA compliance", chinese ? "问题根源" : "Root causes",
                    chinese ? "工作量与积压" : "Workload and backlog", chinese ? "供电可靠性" : "Supply reliability",
                    chinese ? "停电事件" : "Outages", chinese ? "专项满意度调查" : "Survey campaigns");
            var chart = browser.until(d -> {
                var c = d.findElement(By.cssSelector(".gc-chart[data-section='sla']"));
                return c.getAttribute("data-bars") != null ? c : null;
            });
            js.executeScript("arguments[0].scrollIntoView({block: 'center'})", chart);
            browser.screenshot("month-and-group");

            // the bar of breached first-contact clocks
            var bars = new ObjectMapper().readTree(chart.getAttribute("data-bars"));
            var bar = new ArrayList<com.fasterxml.jackson.databind.JsonNode>();
            bars.forEach(b -> {
                if (b.path("figure").asText().equals("breached") && b.path("key").asText().equals("COMPLAINT_FIRST_CONTACT")) bar.add(b);
            });
            assertThat(bar).hasSize(1);
            var size = chart.getSize();
            new Actions(browser.driver()).moveToElement(chart, bar.get(0).path("x").asInt() - size.getWidth() / 2,
                    bar.get(0).path("y").asInt() - size.getHeight() / 2).click().perform();
            var list = browser.visible(By.cssSelector(".gc-cases[data-section='sla'][data-figure='breached']"));
            assertThat(list.getAttribute("data-row")).isEqualTo("COMPLAINT_FIRST_CONTACT|*");
            assertThat(list.getAttribute("data-total")).isEqualTo(String.valueOf(expected.size()));
            var shown = new TreeSet<String>();
            list.findElements(By.cssSelector("a.gc-case")).forEach(a -> shown.add(a.getText()));
            assertThat(shown).isEqualTo(expected);
            assertThat(list.getText()).contains(chinese ? "首次联系" : "First contact", chinese ? "超时" : "Breached");
            browser.screenshot("breached-cases");

            // one case's record: its first-contact clock breached
            list.findElements(By.cssSelector("a.gc-case")).get(0).click();
            var record = browser.visible(By.cssSelector(".gc-record-dialog .gc-clock-BREACHED"));
            assertThat(record.getText()).contains(chinese ? "首次联系" : "First contact");
            browser.screenshot("case-record");
        }
    }

    /**
     * The tier and channel filters and the tier, offer and time-to-resolve views: with tier KEY the tier card holds
     * only that tier and its figure of customers leads to as many customers; with channel WEB too, a figure of
     * cases closed leads to exactly the cases SQL finds.
     */
    /** What the cards of the sections show in their dimension columns (tiers, offers, segments: codes of the report). */
    private static List<String> codesShown(Browser browser, String... sections) {
        var shown = new ArrayList<String>();
        for (var section : sections) {
            for (var cell : browser.driver().findElements(By.cssSelector(
                    ".gc-card[data-section='" + section + "'] tbody td:not(.gc-number)"))) {
                shown.add(cell.getText());
            }
        }
        return shown;
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aManagerFiltersByTierAndChannelAndSeesTiersOffersAndWorkingDays(Language language) {
        var chinese = language == Language.CHINESE;
        var month = YearMonth.parse(MONTH);
        var expected = new TreeSet<>(jdbc.sql("""
                SELECT id FROM service_case WHERE status = 'CLOSED' AND tier = 'KEY' AND channel = 'WEB'
                   AND closed_at >= ? AND closed_at < ?""")
                .params(month.atDay(1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime(),
                        month.plusMonths(1).atDay(1).atStartOfDay(EngineClock.ZONE).toOffsetDateTime())
                .query(String.class).list());
        assertThat(expected).isNotEmpty();
        try (var browser = Browser.open(port, language, "service-dashboard-tiers-" + (chinese ? "zh" : "en"))) {
            LoginPage.ofCockpit(browser).submit(TestData.user(Groups.SERVICE_MANAGERS), TestData.PASSWORD);
            browser.visible(By.cssSelector(".gc-service-dashboard[data-loaded]"));
            var js = (JavascriptExecutor) browser.driver();
            var monthField = browser.visible(By.cssSelector(".gc-month"));
            js.executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change'))", monthField, MONTH);
            browser.visible(By.cssSelector(".gc-service-dashboard[data-loaded^='" + MONTH + "|']"));
            // an offer no rule grants any more (the fixture's ON_TIME_PAYER) in words too
            var onTimePayer = browser.visible(By.cssSelector(".gc-card[data-section='offers'] tr[data-row^='ON_TIME_PAYER|']"));
            assertThat(onTimePayer.findElements(By.tagName("td")).get(0).getText())
                    .isEqualTo(chinese ? "按时缴费优惠" : "On-time payer");
            new Select(browser.visible(By.cssSelector(".gc-tier"))).selectByValue("KEY");
            browser.visible(By.cssSelector(".gc-service-dashboard[data-loaded='" + MONTH + "|||KEY|']"));
            assertThat(new Select(browser.visible(By.cssSelector(".gc-tier"))).getFirstSelectedOption().getText())
                    .isEqualTo(chinese ? "重要客户" : "Key");
            var cards = browser.driver().findElements(By.cssSelector(".gc-card .panel-title")).stream().map(WebElement::getText).toList();
            assertThat(cards).contains(chinese ? "客户等级" : "Customer tiers", chinese ? "客户等级变动" : "Tier movement",
                    chinese ? "优惠与折扣成本" : "Offers and discount cost", chinese ? "办结用时" : "Time to resolve");
            var tiers = browser.visible(By.cssSelector(".gc-card[data-section='tiers']"));
            var rows = tiers.findElements(By.cssSelector("tbody tr"));
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).getAttribute("data-row")).isEqualTo("KEY");
            assertThat(codesShown(browser, "tiers", "tierMoves", "offers")).isNotEmpty().allSatisfy(text -> assertThat(text)
                    .as("a tier or offer in words").matches(chinese ? ".*[\\u4e00-\\u9fff].*|-" : "[A-Z][a-z][A-Za-z0-9 -]*|-"));
            browser.until(d -> tiers.findElement(By.cssSelector(".gc-chart")).getAttribute("data-bars") != null ? tiers : null);
            js.executeScript("arguments[0].scrollIntoView({block: 'start'})", tiers);
            browser.screenshot("tiers-and-offers");

            // the customers of the tier at the month's end
            var customers = tiers.findElement(By.cssSelector("a.gc-figure[data-figure='customers']"));
            var count = customers.getText();
            customers.click();
            var list = browser.visible(By.cssSelector(".gc-cases[data-section='tiers'][data-figure='customers']"));
            assertThat(list.getAttribute("data-total")).isEqualTo(count);
            assertThat(list.findElements(By.cssSelector("tr.gc-customer"))).hasSize(Integer.parseInt(count));
            assertThat(list.getText()).contains(chinese ? "重要客户" : "Key");

            // and of the channel: the cases closed, their working days
            new Select(browser.visible(By.cssSelector(".gc-channel"))).selectByValue("WEB");
            browser.visible(By.cssSelector(".gc-service-dashboard[data-loaded='" + MONTH + "|||KEY|WEB']"));
            var time = browser.visible(By.cssSelector(".gc-card[data-section='resolutionTime']"));
            assertThat(time.getText()).contains(chinese ? "平均办结工作日" : "Average working days to resolve");
            int total = 0;
            for (var a : time.findElements(By.cssSelector("a.gc-figure[data-figure='closed']"))) total += Integer.parseInt(a.getText());
            assertThat(total).isEqualTo(expected.size());
            time.findElements(By.cssSelector("a.gc-figure[data-figure='closed']")).get(0).click();
            var closed = browser.visible(By.cssSelector(".gc-cases[data-section='resolutionTime'][data-figure='closed']"));
            var shown = new TreeSet<String>();
            closed.findElements(By.cssSelector("a.gc-case")).forEach(a -> shown.add(a.getText()));
            assertThat(shown).isNotEmpty();
            assertThat(expected).containsAll(shown);
            js.executeScript("arguments[0].scrollIntoView({block: 'start'})", browser.visible(By.cssSelector(".gc-filters")));
            browser.screenshot("tier-and-channel");
        }
    }
}
