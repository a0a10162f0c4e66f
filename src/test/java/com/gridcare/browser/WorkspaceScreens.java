package com.gridcare.browser;

import static com.gridcare.browser.TasklistPage.xpathLiteral;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * GridCare's workspace inside Tasklist: "Register a call" and the search box in the header, the
 * case and customer dialogs they open, and the "Customer / 客户" tab of a task.
 */
final class WorkspaceScreens {

    private static final By REGISTER_CALL = By.cssSelector("button.gc-register-call");
    private static final By DIALOG_CLOSE = By.cssSelector(".gc-overlay .gc-close");
    private static final By SEARCH = By.cssSelector("input.gc-search-input");
    private static final By CUSTOMER_TAB = By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Customer' or normalize-space(.)='客户']");
    private static final By FORM_TAB = By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='Form' or normalize-space(.)='表单']");

    private final Browser browser;

    WorkspaceScreens(Browser browser) {
        this.browser = browser;
    }

    private JavascriptExecutor js() {
        return (JavascriptExecutor) browser.driver();
    }

    /** The receipt of a registered call: what the agent reads to the caller. */
    record Receipt(String caseId, String replyBy, String contactId) {}

    /** Opens "Register a call" from the header. */
    CallDialog registerCall() {
        browser.clickable(REGISTER_CALL).click();
        return new CallDialog();
    }

    /** Searches in the header box and waits for the results. */
    WorkspaceScreens search(String text) {
        var box = browser.visible(SEARCH);
        box.clear();
        box.sendKeys(text, Keys.ENTER);
        browser.visible(By.cssSelector(".gc-search-results .gc-hit-case, .gc-search-results .gc-hit-customer, .gc-search-results .gc-hint"));
        return this;
    }

    /** Opens the case from the search results: its status, due dates, history and open tasks. */
    WorkspaceScreens openCaseHit(String caseId) {
        browser.clickable(By.cssSelector(".gc-hit-case[data-case='" + caseId + "']")).click();
        browser.visible(By.cssSelector(".gc-case-dialog .gc-case-status"));
        return this;
    }

    /** In the case dialog: opens the case's task (Tasklist shows it); answers the task's id. */
    String openTaskOfCase() {
        var link = browser.clickable(By.cssSelector(".gc-case-dialog a.gc-open-task"));
        var taskId = link.getAttribute("href").replaceAll(".*task=([^&]*).*", "$1");
        link.click();
        browser.gone(By.cssSelector(".gc-case-dialog"));
        return taskId;
    }

    String caseDialogText() {
        return browser.visible(By.cssSelector(".gc-case-dialog .gc-dialog")).getText();
    }

    /** The open task's "Customer / 客户" tab, once the chart is drawn and the timeline is there. */
    WorkspaceScreens customerTab() {
        browser.clickable(CUSTOMER_TAB).click();
        browser.visible(By.cssSelector(".gc-customer-tab .gc-chart[data-chart-drawn]"));
        browser.visible(By.cssSelector(".gc-customer-tab .gc-timeline"));
        return this;
    }

    /** Back from another tab of the open task to its form. */
    void formTab() {
        browser.clickable(FORM_TAB).click();
        browser.visible(By.cssSelector(".fjs-form"));
    }

    /** Opens a customer from the search results: the same view as the customer tab, in a dialog. */
    WorkspaceScreens openCustomerHit(String customerId) {
        browser.clickable(By.cssSelector(".gc-hit-customer[data-customer='" + customerId + "']")).click();
        browser.visible(By.cssSelector(".gc-customer-dialog .gc-customer[data-customer='" + customerId + "'] .gc-timeline"));
        return this;
    }

    /**
     * A contract's row in the contracts of the customer shown (the customer tab, or the customer's dialog):
     * its cells by what they hold (kind, startsOn, term, renewalTerms, capacity, priceBasis, status, renewal).
     */
    java.util.Map<String, String> contract(String contractId) {
        var row = scrollTo(shown(By.cssSelector(".gc-contracts .gc-contract[data-contract='" + contractId + "']")));
        var cells = new java.util.LinkedHashMap<String, String>();
        for (var cell : row.findElements(By.cssSelector("td[data-field]"))) {
            cells.put(cell.getAttribute("data-field"), cell.getText().strip());
        }
        return cells;
    }

    /** The contracts' column heads as shown. */
    java.util.List<String> contractHeads() {
        return shown(By.cssSelector(".gc-contracts thead")).findElements(By.tagName("th")).stream()
                .map(WebElement::getText).toList();
    }

    /** The first element found that is on screen (a task's tab may linger hidden behind a dialog). */
    private WebElement shown(By locator) {
        return browser.until(driver -> driver.findElements(locator).stream().filter(WebElement::isDisplayed).findFirst()
                .orElse(null));
    }

    String customerTabLabel() {
        return browser.visible(CUSTOMER_TAB).getText();
    }

    /** Months the chart drew (its bars), as the chart reports them. */
    int chartMonths() {
        return Integer.parseInt(browser.visible(By.cssSelector(".gc-customer-tab .gc-chart[data-chart-drawn]"))
                .getAttribute("data-chart-drawn"));
    }

    boolean chartHasCanvas() {
        return !browser.driver().findElements(By.cssSelector(".gc-customer-tab .gc-chart canvas")).isEmpty();
    }

    /** The timeline's entry for a case, as its text. */
    String timelineEntryOfCase(String caseId) {
        return browser.visible(By.cssSelector(".gc-customer-tab .gc-timeline li[data-type='CASE'][data-case='" + caseId + "']"))
                .getText();
    }

    String profileText() {
        return browser.visible(By.cssSelector(".gc-customer-tab .gc-profile")).getText();
    }

    String maskedPhone() {
        return browser.visible(By.cssSelector(".gc-customer-tab .gc-masked[data-field='PHONE']")).getText();
    }

    /** Reveals the customer's phone number with a reason; answers what is shown. */
    String revealPhone(String reason) {
        scrollTo(browser.clickable(By.cssSelector(".gc-customer-tab button.gc-reveal[data-field='PHONE']"))).click();
        browser.visible(By.cssSelector(".gc-customer-tab .gc-reveal-reason")).sendKeys(reason);
        browser.clickable(By.cssSelector(".gc-customer-tab .gc-reveal-confirm")).click();
        return browser.visible(By.cssSelector(".gc-customer-tab .gc-revealed[data-field='PHONE']")).getText();
    }

    /** "Register a call" from the customer tab, for that customer. */
    CallDialog registerCallForCustomer() {
        scrollTo(browser.clickable(By.cssSelector(".gc-customer-tab .gc-register-for-customer"))).click();
        return new CallDialog();
    }

    void closeDialog() {
        browser.clickable(DIALOG_CLOSE).click();
        browser.gone(By.cssSelector(".gc-overlay"));
    }

    private WebElement scrollTo(WebElement element) {
        js().executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        return element;
    }

    /** The "Register a call" dialog. */
    final class CallDialog {

        private CallDialog() {
            browser.visible(By.cssSelector(".gc-register-form"));
        }

        /** Finds the customer by what the caller says (id, name or phone) and picks them. */
        CallDialog customer(String search, String customerId) {
            var box = browser.visible(By.cssSelector(".gc-register-form input[name='customerSearch']"));
            box.clear();
            box.sendKeys(search);
            browser.clickable(By.cssSelector(".gc-register-form .gc-pick[data-customer='" + customerId + "']")).click();
            return this;
        }

        CallDialog kind(String kind) {
            new Select(browser.visible(By.cssSelector(".gc-register-form select[name='kind']"))).selectByValue(kind);
            return this;
        }

        CallDialog category(String category) {
            new Select(browser.visible(By.cssSelector(".gc-register-form select[name='category']"))).selectByValue(category);
            return this;
        }

        CallDialog describe(String text) {
            browser.visible(By.cssSelector(".gc-register-form textarea[name='description']")).sendKeys(text);
            return this;
        }

        CallDialog summary(String text) {
            browser.visible(By.cssSelector(".gc-register-form textarea[name='summary']")).sendKeys(text);
            return this;
        }

        /** Registers and waits for the receipt. */
        Receipt register() {
            browser.clickable(By.cssSelector(".gc-register-form .gc-submit")).click();
            var receipt = browser.visible(By.cssSelector(".gc-register-form .gc-receipt"));
            var caseId = receipt.getAttribute("data-case");
            if (caseId != null) {
                return new Receipt(caseId, browser.visible(By.cssSelector(".gc-receipt-reply-by")).getText(), null);
            }
            return new Receipt(null, null, receipt.getAttribute("data-contact"));
        }

        String text() {
            return browser.visible(By.cssSelector(".gc-register-dialog .gc-dialog")).getText();
        }
    }

    /** The name the open task's header shows. */
    String taskHeader() {
        return browser.visible(By.cssSelector(".task-card h2.task")).getText().trim();
    }

    /** Changes the open task's assignee in its header (supervisors reassign this way); answers the name shown then. */
    String reassignTo(String userId) {
        var before = browser.visible(By.cssSelector("li.assignee .view-value")).getText().trim();
        browser.clickable(By.cssSelector("li.assignee .view-value")).click();
        var input = browser.visible(By.cssSelector("li.assignee input.form-control"));
        input.clear();
        input.sendKeys(userId);
        // Tasklist checks the user exists before it takes the change
        browser.until(driver -> !driver.findElement(By.cssSelector("li.assignee span[cam-widget-inline-field]"))
                .getAttribute("class").contains("validating"));
        input.sendKeys(Keys.ENTER);
        browser.gone(By.cssSelector("li.assignee input.form-control"));
        return browser.until(driver -> {
            var shown = driver.findElement(By.cssSelector("li.assignee .view-value")).getText().trim();
            return shown.isEmpty() || shown.equals(before) ? null : shown;
        });
    }
}
