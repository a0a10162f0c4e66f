package com.gridcare.browser;

import org.openqa.selenium.By;

/** The login screen of a Camunda webapp. */
final class LoginPage {

    private static final By USERNAME = By.cssSelector("input[ng-model='username']");
    private static final By PASSWORD = By.cssSelector("input[ng-model='password']");
    private static final By LOG_IN = By.cssSelector("form[name='signinForm'] button[type='submit']");

    private final Browser browser;

    private LoginPage(Browser browser) {
        this.browser = browser;
        browser.visible(USERNAME);
    }

    static LoginPage ofTasklist(Browser browser) {
        return at(browser, "/camunda/app/tasklist/");
    }

    static LoginPage ofCockpit(Browser browser) {
        return at(browser, "/camunda/app/cockpit/");
    }

    /** A webapp's first load can outlast the browser's patience on a busy machine: once more before giving up. */
    private static LoginPage at(Browser browser, String path) {
        browser.go(path);
        try {
            return new LoginPage(browser);
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.go(path);
            return new LoginPage(browser);
        }
    }

    static LoginPage shown(Browser browser) {
        return new LoginPage(browser);
    }

    private void typeInto(By field, String text) {
        var input = browser.visible(field);
        if (!text.equals(input.getDomProperty("value"))) {
            input.clear();
            input.sendKeys(text);
        }
    }

    String usernamePlaceholder() {
        return browser.visible(USERNAME).getAttribute("placeholder");
    }

    String logInLabel() {
        return browser.visible(LOG_IN).getText();
    }

    TasklistPage logIn(String user, String password) {
        submit(user, password);
        return new TasklistPage(browser);
    }

    /** Logs in expecting to be refused: waits for the webapp's error and stays on the login screen; answers the error. */
    String logInRefused(String user, String password) {
        submit(user, password);
        var error = browser.visible(By.cssSelector(".notifications .alert-danger, .alert.alert-danger, .notification.error"));
        browser.visible(USERNAME);
        return error.getText();
    }

    /** Logs in to whichever webapp shows this login. */
    void submit(String user, String password) {
        // the webapp may still be drawing the form (translations arriving): type until both fields hold the text
        browser.until(driver -> {
            typeInto(USERNAME, user);
            typeInto(PASSWORD, password);
            return user.equals(browser.visible(USERNAME).getDomProperty("value"))
                    && password.equals(browser.visible(PASSWORD).getDomProperty("value"))
                    && !browser.visible(LOG_IN).getText().isBlank();
        });
        browser.screenshot("login-" + user);
        browser.clickable(LOG_IN).click();
    }
}
