package com.gridcare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.browser.Browser.Language;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.TestData;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Swagger UI as a channel-system developer uses it: refused without a login; with one, every /api/v1
 * operation listed, the complaint intake opened with its request example and its problem+json answers.
 * Swagger UI has no Chinese: the walk is in English. Screenshots under target/screenshots/swagger-ui/.
 */
@BrowserTest
class SwaggerUiBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;

    @BeforeEach
    void users() {
        testData.users();
    }

    @Test
    void aLoggedInDeveloperBrowsesTheApiWithExamplesAndProblemAnswers() {
        try (var browser = Browser.open(port, Language.ENGLISH, "swagger-ui")) {
            var driver = (ChromeDriver) browser.driver();
            browser.go("/swagger-ui/index.html");
            assertThat(driver.getPageSource()).doesNotContain("swagger-ui-wrap").doesNotContain("GridCare API");

            // the login a browser would ask for, sent with every request of the page
            var login = Base64.getEncoder().encodeToString((TestData.user(Groups.CHANNEL_SYSTEMS) + ":" + TestData.PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Authorization", "Basic " + login)));
            browser.go("/swagger-ui.html");
            assertThat(browser.visible(By.cssSelector(".info .title")).getText()).startsWith("GridCare API");
            browser.visible(By.cssSelector(".opblock"));
            var operations = driver.findElements(By.cssSelector(".opblock-summary-path"));
            assertThat(driver.findElements(By.cssSelector(".opblock-tag")).stream().map(e -> e.getAttribute("data-tag")).toList())
                    .contains("complaints", "service-requests", "rules");
            assertThat(operations.stream().map(e -> e.getAttribute("data-path")).toList())
                    .contains("/api/v1/complaints", "/api/v1/service-requests", "/api/v1/rules/validate")
                    .allMatch(path -> path.startsWith("/api/v1/"));
            browser.screenshot("operations");

            browser.clickable(By.xpath("//*[contains(@class,'opblock-summary-path') and @data-path='/api/v1/complaints']")).click();
            var example = browser.visible(By.cssSelector(".opblock.is-open .body-param__example, .opblock.is-open .microlight"));
            assertThat(example.getText()).contains("\"category\": \"METER\"");
            var responses = browser.visible(By.cssSelector(".opblock.is-open .responses-table")).getText();
            assertThat(responses).contains("201", "400", "401", "403", "503", "application/problem+json");
            assertThat(browser.visible(By.cssSelector(".opblock.is-open .opblock-description-wrapper")).getText())
                    .contains("Allowed groups: channel-systems, customer-service");
            driver.executeScript("arguments[0].scrollIntoView()", browser.visible(By.cssSelector(".opblock.is-open .opblock-section-request-body")));
            browser.screenshot("complaint-request-example");
            driver.executeScript("arguments[0].scrollIntoView()", browser.visible(By.xpath(
                    "//*[contains(@class,'opblock') and contains(@class,'is-open')]//tr[contains(@class,'response') and @data-code='400']")));
            browser.screenshot("complaint-problem-answers");
        }
    }
}
