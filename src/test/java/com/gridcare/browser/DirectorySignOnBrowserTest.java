package com.gridcare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.browser.Browser.Language;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.DirectoryTest;
import com.gridcare.testsupport.TestData;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Directory sign-on in Tasklist (profile ldap, an in-process LDAP server): a hotline agent known only to
 * the directory, in the directory group GridCare maps to customer service, logs in with the directory
 * password and finds a complaint routed to customer service in the group inbox; a member of staff whose
 * only directory group GridCare does not map is refused. In English and Chinese; screenshots under
 * target/screenshots/directory-*.
 */
@DirectoryTest
@Tag("browser")
class DirectorySignOnBrowserTest {

    private static final String AGENT = "wang.fang";
    private static final String AGENT_PASSWORD = "Hotline-2026";
    private static final String OUTSIDER = "zhao.lei";
    private static final String OUTSIDER_PASSWORD = "Sales-2026";

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    HistoryService history;
    @Autowired
    RuntimeService runtime;

    ComplaintSteps complaints;

    @BeforeEach
    void setUp() {
        testData.users();
        complaints = new ComplaintSteps(port, history, runtime);
    }

    @Test
    void aDirectoryAgentSeesTheGroupsWorkAndAnOutsiderNothingInEnglish() {
        walk(Language.ENGLISH, "directory-en", "The new connection was promised for Monday and nobody came.");
    }

    @Test
    void aDirectoryAgentSeesTheGroupsWorkAndAnOutsiderNothingInChinese() {
        walk(Language.CHINESE, "directory-zh", "新装电表一直没有人来安装。");
    }

    private void walk(Language language, String scenario, String description) {
        var complaint = complaints.register(testData.residential(), "CONNECTION", description);
        assertThat(complaint.group()).isEqualTo(Groups.CUSTOMER_SERVICE);

        try (var browser = Browser.open(port, language, scenario)) {
            var tasklist = LoginPage.ofTasklist(browser).logIn(AGENT, AGENT_PASSWORD);
            var card = complaints.findInGroupInbox(tasklist, complaint);
            assertThat(card.text()).contains(complaint.caseId());
            if (language == Language.CHINESE) assertThat(tasklist.labelsWithoutChinese()).isEmpty();
            // the account menu names the directory user (first and last name from the directory)
            assertThat(browser.visible(By.cssSelector("li.account .dropdown-toggle")).getText()).contains("Fang");
            browser.screenshot("agent-group-inbox");

            var login = tasklist.logOut();
            var refused = login.logInRefused(OUTSIDER, OUTSIDER_PASSWORD);
            assertThat(refused).isNotBlank();
            assertThat(browser.driver().findElements(TasklistPage.cardOf(complaint.caseId()))).isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector(".task-filters, [cam-tasklist-filters]"))).isEmpty();
            browser.screenshot("outsider-refused");
        }
    }
}
