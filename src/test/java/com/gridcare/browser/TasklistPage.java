package com.gridcare.browser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** Tasklist after login: filters on the left, the task list in the middle, the open task on the right. */
final class TasklistPage {

    private static final By FILTER_NAMES = By.cssSelector(".task-filter .name a");
    private static final By ACTIVE_FILTER = By.cssSelector(".task-filter.active .name a");
    private static final By SEARCH_PILL = By.cssSelector("[cam-widget-search] .search-label, [cam-widget-search] [cam-widget-inline-field]");
    private static final By NO_TASK = By.cssSelector("[cam-tasks] .well, [cam-tasks] .alert-info");

    /**
     * Elements whose text is a label of the screen rather than data: angular-translate labels, filter
     * names and columns, the task form's labels, help and messages. On a Chinese screen each must
     * carry Chinese (brands and numbers aside).
     */
    static final String LABELS = String.join(", ",
            "[translate]", "[ng-controller='camHeaderViewsCtrl'] li a", "button[ng-click='openModal($event)']",
            ".sorting-label", ".sort-by", ".task-filter .name a", ".variable-label", ".creation-date",
            ".nav-tabs a", "button[ng-click='complete()']", "button[ng-click='save($event)']", "input.main-field",
            ".fjs-form-field-label", ".fjs-form-field-description", ".fjs-form-field-error", ".fjs-form-field-text",
            "[cam-widget-footer]", ".notifications .alert");

    private final Browser browser;

    TasklistPage(Browser browser) {
        this.browser = browser;
        browser.visible(FILTER_NAMES);
    }

    List<String> filterNames() {
        browser.visible(FILTER_NAMES);
        return browser.driver().findElements(FILTER_NAMES).stream().map(TasklistPage::filterName).toList();
    }

    /** Focuses the filter whose name starts with {@code name} (filter names are "English / 中文"). */
    TasklistPage filter(String name) {
        var link = browser.visible(By.xpath("//*[contains(@class,'task-filter')]//*[contains(@class,'name')]/a"
                + "[starts-with(normalize-space(.), " + xpathLiteral(name) + ")]"));
        link.click();
        browser.until(driver -> filterName(driver.findElement(ACTIVE_FILTER)).startsWith(name));
        return this;
    }

    /**
     * Narrows the focused filter to the case, as Tasklist's search box does with "Process Instance
     * Business Key = ..." (through the address, which is where Tasklist keeps the search): the case
     * number is the business key of the case's process.
     */
    TasklistPage searchCase(String caseId) {
        var query = "[{\"type\":\"processInstanceBusinessKey\",\"operator\":\"eq\",\"value\":\"%s\"}]"
                .formatted(caseId);
        var url = browser.driver().getCurrentUrl();
        var filter = url.replaceAll(".*[?&]filter=([^&]*).*", "$1");
        browser.driver().get(url.substring(0, url.indexOf('#')) + "#/?filter=" + filter + "&searchQuery="
                + URLEncoder.encode(query, StandardCharsets.UTF_8).replace("+", "%20"));
        browser.visible(By.xpath("//*[@cam-widget-search]//*[contains(normalize-space(.), " + xpathLiteral(caseId) + ")]"));
        return this;
    }

    /** Waits for the card of the case in the list. */
    TaskCard card(String caseId) {
        browser.visible(cardOf(caseId));
        return new TaskCard(browser, cardOf(caseId));
    }

    /**
     * The card of one task in the focused filter, narrowed to its process's business key (a case, an
     * outage or a contract number): for tasks whose cards show no case number.
     */
    TaskCard task(String businessKey, String taskId) {
        searchCase(businessKey);
        var locator = By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(@class,'task')]"
                + "[.//h4[contains(@class,'task')]//a[contains(@href, " + xpathLiteral("task=" + taskId) + ")]]");
        browser.visible(locator);
        return new TaskCard(browser, locator);
    }

    /** Waits until the list, searched as it is, shows that no task matches. */
    void showsNoTask() {
        browser.visible(NO_TASK);
    }

    TaskFormPage open(TaskCard card) {
        var taskId = card.taskId();
        browser.until(driver -> {
            driver.findElement(card.locator()).findElement(TaskCard.LINK).click();
            return true;
        });
        return new TaskFormPage(browser, taskId);
    }

    LoginPage logOut() {
        browser.clickable(By.cssSelector("li.account .dropdown-toggle")).click();
        browser.clickable(By.cssSelector("li.logout a")).click();
        return LoginPage.shown(browser);
    }

    /** Labels on screen (see {@link #LABELS}) that carry no Chinese. */
    @SuppressWarnings("unchecked")
    List<String> labelsWithoutChinese() {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript("""
                const found = [];
                for (const element of document.querySelectorAll(arguments[0])) {
                  if (!element.offsetParent && element.tagName !== 'BODY') continue;
                  const text = (element.tagName === 'INPUT' ? element.placeholder : element.innerText || '').trim();
                  if (/[A-Za-z]{2,}/.test(text) && !/[\\u4e00-\\u9fff]/.test(text)) found.push(text);
                }
                return [...new Set(found)];""", LABELS);
    }

    static By cardOf(String caseId) {
        return By.xpath("//ol[contains(@class,'tasks-list')]/li[contains(@class,'task')][.//*[normalize-space(text()) = "
                + xpathLiteral(caseId) + "]]");
    }

    /** The filter's name without the task count Tasklist shows beside the focused one. */
    private static String filterName(WebElement link) {
        var name = link.getText();
        for (var counter : link.findElements(By.cssSelector(".counter"))) {
            var count = counter.getText();
            if (!count.isEmpty() && name.endsWith(count)) name = name.substring(0, name.length() - count.length());
        }
        return name.replaceAll("\\s*\\(\\d+\\)$", "").trim();
    }

    static String xpathLiteral(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    /**
     * A task's card in the list: name, process and the filter's variables. Found afresh for every
     * look, because Tasklist redraws the list whenever it refreshes.
     */
    record TaskCard(Browser browser, By locator) {

        static final By LINK = By.cssSelector("h4.task a");

        String taskName() {
            return browser.until(driver -> driver.findElement(locator).findElement(LINK).getText().trim());
        }

        String taskId() {
            var href = browser.until(driver -> driver.findElement(locator).findElement(LINK).getAttribute("href"));
            return href.replaceAll(".*task=([^&]*).*", "$1");
        }

        String text() {
            return browser.until(driver -> driver.findElement(locator).getText());
        }
    }
}
