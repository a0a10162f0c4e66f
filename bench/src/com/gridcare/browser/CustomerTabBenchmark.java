package com.gridcare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.browser.Browser.Language;
import com.gridcare.customer.ConsumptionHistory;
import com.gridcare.profile.CustomerProfiles;
import com.gridcare.customer.CustomerService;
import com.gridcare.customer.MonthlyConsumption;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.TestData;
import com.gridcare.workspace.CustomerTimeline;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * How long the "Customer / 客户" tab takes to open for a customer with 50 cases and 24 months of
 * consumption, among other customers' cases (run by {@code bench/customer-tab.sh}, skipped
 * otherwise). Prints three figures, each with p50, p95 and max:
 * <ul>
 * <li>in Chromium: from the click on the tab until the chart is drawn and the timeline shown (what
 * staff wait for);</li>
 * <li>over HTTP: the tab's three calls (profile, consumption, timeline) sent together as the tab
 * sends them, until the last answer;</li>
 * <li>server side: the three services the calls run, one after the other, inside the application.</li>
 * </ul>
 */
@BrowserTest
@EnabledIfSystemProperty(named = "gridcare.bench", matches = "true")
class CustomerTabBenchmark {

    private static final int CASES = Integer.getInteger("gridcare.bench.cases", 50);
    private static final int OTHER_CUSTOMERS = Integer.getInteger("gridcare.bench.other-customers", 100);
    private static final int SAMPLES = Integer.getInteger("gridcare.bench.samples", 200);
    private static final int BROWSER_SAMPLES = Integer.getInteger("gridcare.bench.browser-samples", 40);
    private static final String[] CATEGORIES = {"OTHER", "CONNECTION", "BILLING", "METER", "SERVICE_CONDUCT"};

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    CustomerService customers;
    @Autowired
    CustomerProfiles profiles;
    @Autowired
    ConsumptionHistory consumption;
    @Autowired
    CustomerTimeline timeline;
    @Autowired
    TaskService tasks;
    @Autowired
    Clock clock;

    private String register(Api agent, String customerId, int n) {
        var answer = agent.post("/api/v1/calls", """
                {"customerId": "%s", "channel": "HOTLINE", "kind": "COMPLAINT",
                 "complaint": {"category": "%s", "description": "Complaint %d about the supply."}}"""
                .formatted(customerId, CATEGORIES[n % CATEGORIES.length], n));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return answer.json().path("complaint").path("processInstanceId").asText();
    }

    private static String figures(String what, List<Double> millis) {
        var sorted = millis.stream().sorted().toList();
        return "| %s | %d | %.0f | %.0f | %.0f |".formatted(what, sorted.size(), percentile(sorted, 0.5),
                percentile(sorted, 0.95), sorted.get(sorted.size() - 1));
    }

    private static double percentile(List<Double> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(q * sorted.size()) - 1)));
    }

    private static List<Double> sample(int warmUp, int count, LongSupplier nanosOfOne) {
        for (int i = 0; i < warmUp; i++) nanosOfOne.getAsLong();
        var result = new ArrayList<Double>(count);
        for (int i = 0; i < count; i++) result.add(nanosOfOne.getAsLong() / 1e6);
        return result;
    }

    @Test
    void customerTabOpensForACustomerWith50CasesAnd24Months() throws Exception {
        testData.users();
        var agent = Api.at(port).as(Groups.CUSTOMER_SERVICE);
        var started = System.nanoTime();
        for (int c = 0; c < OTHER_CUSTOMERS; c++) {
            var other = testData.residential();
            for (int n = 0; n < 5; n++) register(agent, other, n);
        }
        var customerId = testData.residential();
        var months = new ArrayList<MonthlyConsumption>();
        var last = YearMonth.from(LocalDate.now(clock)).minusMonths(1);
        for (int i = 0; i < 24; i++) {
            months.add(new MonthlyConsumption(last.minusMonths(i).toString(), BigDecimal.valueOf(280 + i * 3),
                    BigDecimal.valueOf(150), i % 7 != 0));
        }
        customers.saveConsumption(customerId, months);
        String instanceOfTab = null;
        for (int n = 0; n < CASES; n++) {
            var instance = register(agent, customerId, n);
            // the first complaint in a category stays with the front line (the third goes to supervisors)
            if (n == 0) instanceOfTab = instance;
        }
        for (int n = 0; n < 10; n++) {
            agent.post("/api/v1/calls", """
                    {"customerId": "%s", "channel": "HOTLINE", "kind": "ENQUIRY", "summary": "Enquiry %d"}"""
                    .formatted(customerId, n));
        }
        var setUp = (System.nanoTime() - started) / 1e9;
        // the tab must have what it is measured with: every case on the timeline, 24 months on the chart
        assertThat(timeline.of(customerId, 200).entries().stream().filter(e -> e.type().name().equals("CASE")))
                .hasSize(CASES);
        assertThat(consumption.lastMonths(customerId, 24).months().stream().filter(m -> m.kwh() != null)).hasSize(23);

        var serverSide = sample(20, SAMPLES, () -> {
            var t0 = System.nanoTime();
            profiles.profile(customerId);
            consumption.lastMonths(customerId, 24);
            timeline.of(customerId, 200);
            return System.nanoTime() - t0;
        });

        var http = HttpClient.newHttpClient();
        var auth = "Basic " + Base64.getEncoder().encodeToString((TestData.user(Groups.CUSTOMER_SERVICE) + ":"
                + TestData.PASSWORD).getBytes(StandardCharsets.UTF_8));
        var paths = List.of("/api/v1/customers/" + customerId, "/api/v1/customers/" + customerId + "/consumption?months=24",
                "/api/v1/customers/" + customerId + "/timeline?limit=200");
        var overHttp = sample(20, SAMPLES, () -> {
            var t0 = System.nanoTime();
            var calls = paths.stream().map(path -> http.sendAsync(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString())).toList();
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
            calls.forEach(call -> assertThat(call.join().statusCode()).isEqualTo(200));
            return System.nanoTime() - t0;
        });

        var taskId = tasks.createTaskQuery().processInstanceId(instanceOfTab).singleResult().getId();
        List<Double> inBrowser;
        try (var browser = Browser.open(port, Language.CHINESE, "customer-tab-benchmark")) {
            LoginPage.ofTasklist(browser).logIn(TestData.user(Groups.CUSTOMER_SERVICE), TestData.PASSWORD);
            browser.go("/camunda/app/tasklist/default/#/?task=" + taskId);
            browser.visible(By.cssSelector(".fjs-form"));
            var js = (JavascriptExecutor) browser.driver();
            inBrowser = sample(3, BROWSER_SAMPLES, () -> {
                // to the form tab, then time the click on the customer tab until chart and timeline are on screen
                var millis = (Number) js.executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        const tabs = [...document.querySelectorAll('.task-card .nav-tabs a')];
                        tabs[0].click();
                        setTimeout(() => {
                          const start = performance.now();
                          tabs.find((a) => a.textContent.trim() === '客户').click();
                          const check = () => document.querySelector('.gc-chart[data-chart-drawn]')
                              && document.querySelector('.gc-timeline li') ? done(performance.now() - start)
                              : requestAnimationFrame(check);
                          check();
                        }, 200);""");
                return (long) (millis.doubleValue() * 1e6);
            });
            browser.screenshot("customer-tab");
        }

        var cpus = Runtime.getRuntime().availableProcessors();
        var load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.println("""
                bench customer tab: %d cases and 24 months for the customer, %d other customers with 5 cases each (set up in %.0f s); %d cores, load %.1f
                | measured | samples | p50 ms | p95 ms | max ms |
                |---|---:|---:|---:|---:|
                %s
                %s
                %s
                """.formatted(CASES, OTHER_CUSTOMERS, setUp, cpus, load,
                figures("in Chromium: click on the tab → chart drawn and timeline shown", inBrowser),
                figures("over HTTP: profile, consumption, timeline together (as the tab calls them)", overHttp),
                figures("server side: the three services one after the other", serverSide)));
    }
}
