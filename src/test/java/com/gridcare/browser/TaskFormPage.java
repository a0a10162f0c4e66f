package com.gridcare.browser;

import static com.gridcare.browser.TasklistPage.xpathLiteral;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** The open task: its header (claim, dates) and its Camunda Form. */
final class TaskFormPage {

    private static final By FORM = By.cssSelector(".fjs-form");
    private static final By CLAIM = By.cssSelector("button.claim");
    private static final By COMPLETE = By.cssSelector("button[ng-click='complete()']");
    private static final By ERRORS = By.cssSelector(".fjs-form-field-error li");
    private static final By NOTIFICATION_CLOSE = By.cssSelector(".page-notifications .alert button.close");

    /** How long a typed value must stay before it counts as taken (form-js redraws a moment after a change). */
    private static final java.time.Duration SETTLED = java.time.Duration.ofSeconds(1);

    private final Browser browser;
    final String taskId;

    TaskFormPage(Browser browser, String taskId) {
        this.browser = browser;
        this.taskId = taskId;
        browser.visible(FORM);
    }

    /** The value the form shows in the field whose label starts with {@code label} ("English / 中文"). */
    String value(String label) {
        browser.until(driver -> !field(label).getDomProperty("value").isEmpty());
        return field(label).getDomProperty("value");
    }

    /** The text of the form's text component that starts with {@code start}, once its values are in. */
    String text(String start) {
        var text = By.xpath("//div[contains(@class,'fjs-form-field-text')][starts-with(normalize-space(.), "
                + xpathLiteral(start) + ")]");
        browser.until(driver -> browser.visible(text).getText().strip().length() > start.length());
        return browser.visible(text).getText();
    }

    TaskFormPage claim() {
        browser.clickable(CLAIM).click();
        browser.clickable(COMPLETE);
        return this;
    }

    /**
     * Types the text into the field. form-js redraws the form a moment after a value changes (a number
     * typed just before, say) and can drop what was typed meanwhile: type until the field keeps the text for a
     * second.
     */
    TaskFormPage fill(String label, String text) {
        var typedAt = new long[] {System.nanoTime() - SETTLED.toNanos()};
        browser.until(driver -> {
            var field = field(label);
            if (!text.equals(field.getDomProperty("value"))) {
                field.clear();
                field.sendKeys(text);
                typedAt[0] = System.nanoTime();
                return false;
            }
            return System.nanoTime() - typedAt[0] >= SETTLED.toNanos();
        });
        return this;
    }

    /** Ticks the checkbox whose label starts with {@code label} ("English / 中文"). */
    TaskFormPage tick(String label) {
        // form-js redraws the form when a value changes: click until the box is really ticked
        browser.until(driver -> {
            var box = field(label);
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
            if (!box.isSelected()) box.click();
            return field(label).isSelected();
        });
        return this;
    }

    /** Picks the option of a radio group whose label starts with {@code option} ("English / 中文"). */
    TaskFormPage choose(String option) {
        var xpath = By.xpath("//label[.//input[@type='radio'] or @for]"
                + "[starts-with(normalize-space(.), " + xpathLiteral(option) + ")]");
        // form-js redraws the form when a value changes: click until the radio is really chosen
        browser.until(driver -> {
            var optionLabel = browser.visible(xpath);
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", optionLabel);
            optionLabel.click();
            var radio = optionLabel.getAttribute("for") != null
                    ? driver.findElement(By.id(optionLabel.getAttribute("for")))
                    : optionLabel.findElement(By.xpath(".//input[@type='radio']"));
            return radio.isSelected();
        });
        return this;
    }

    /** Picks an option of a select field (form-js draws its own drop-down list). */
    TaskFormPage select(String label, String option) {
        var box = browser.visible(By.xpath("//label[contains(@class,'fjs-form-field-label')][starts-with(normalize-space(.), "
                + xpathLiteral(label) + ")]/ancestor::*[contains(@class,'fjs-form-field')][1]"
                + "//*[contains(@class,'fjs-input-group')]"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", box);
        box.click();
        browser.clickable(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][starts-with(normalize-space(.), "
                + xpathLiteral(option) + ")]")).click();
        return this;
    }

    /** Completes with what the form holds now and waits for the form's validation messages. */
    List<String> completeExpectingErrors() {
        clickComplete();
        browser.visible(ERRORS);
        return browser.driver().findElements(ERRORS).stream().map(WebElement::getText).toList();
    }

    /** Completes and waits until Tasklist has closed the task (the engine has completed it by then). */
    void complete() {
        clickComplete();
        browser.gone(COMPLETE);
    }

    /** Closes the messages Tasklist pops up at the bottom right (they can sit over the Complete button), then completes. */
    private void clickComplete() {
        for (var close : browser.driver().findElements(NOTIFICATION_CLOSE)) {
            if (close.isDisplayed()) close.click();
        }
        browser.gone(NOTIFICATION_CLOSE);
        var button = browser.clickable(COMPLETE);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        browser.clickable(COMPLETE).click();
    }

    String claimLabel() {
        return browser.visible(CLAIM).getText();
    }

    String completeLabel() {
        return browser.visible(COMPLETE).getText();
    }

    private WebElement field(String label) {
        var labelElement = browser.visible(By.xpath("//label[contains(@class,'fjs-form-field-label')]"
                + "[starts-with(normalize-space(.), " + xpathLiteral(label) + ")]"));
        return browser.driver().findElement(By.id(labelElement.getAttribute("for")));
    }
}
