package com.gridcare.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.browser.Browser.Language;
import com.gridcare.cases.CaseSteps;
import com.gridcare.cases.StepKind;
import com.gridcare.contract.Contract;
import com.gridcare.contract.ContractStatus;
import com.gridcare.contract.Contracts;
import com.gridcare.contract.LostReason;
import com.gridcare.contract.PriceBasis;
import com.gridcare.contract.RenewalOutcome;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.AsyncSteps;
import com.gridcare.testsupport.TestData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A business customer's contracts in Tasklist, in headless Chromium, in English and Chinese. A key-account
 * manager opens the renewal conversation of one contract, sees every contract of the customer on the
 * "Customer / 客户" tab (kind, start, term and end, renewal terms, capacity, price basis, status, renewal),
 * records it renewed for a new term, then the final conversation of another contract, lost to a retail
 * competitor; the contract tables hold both outcomes and the customer's contracts show them. A supervisor
 * follows up a contract that ended undecided. Screenshots under target/screenshots/contract-*; the README
 * shows them.
 */
@BrowserTest
class ContractRenewalBrowserTest {

    static final String CONVERSATION = "Hold renewal conversation";
    static final String FINAL_CONVERSATION = "Hold final renewal conversation";
    static final String FOLLOW_UP = "Follow up expired contract";

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    Contracts contracts;
    @Autowired
    CaseSteps steps;
    @Autowired
    Clock clock;

    @BeforeEach
    void setUp() {
        testData.users();
    }

    private static String scenario(String name, Language language) {
        return name + (language == Language.CHINESE ? "-zh" : "-en");
    }

    /** A contract recorded by key accounts through the API. */
    private Contract record(String customerId, String kind, LocalDate startsOn, int termYears, String renewalTerms,
            int capacityKva, String priceBasis) {
        var answer = Api.at(port).as(Groups.KEY_ACCOUNTS).post("/api/v1/contracts", """
                {"customerId":"%s","kind":"%s","startsOn":"%s","termYears":%d,"renewalTerms":"%s",
                 "contractedCapacityKva":%d,"priceBasis":"%s"}"""
                .formatted(customerId, kind, startsOn, termYears, renewalTerms, capacityKva, priceBasis));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return contracts.get(answer.json().path("id").asText());
    }

    /** The contract's next timer and the steps after it, run now (the job executor is off in tests): its open task. */
    private Task nextTask(Contract contract) {
        var timer = management.createJobQuery().processInstanceId(contract.renewalProcessInstanceId()).timers()
                .singleResult();
        management.executeJob(timer.getId());
        AsyncSteps.run(management, contract.renewalProcessInstanceId());
        return tasks.createTaskQuery().processInstanceId(contract.renewalProcessInstanceId()).singleResult();
    }

    private String shown(String taskName, String chineseName, Language language) {
        return language == Language.CHINESE ? taskName + " / " + chineseName : taskName;
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aKeyAccountManagerSeesTheContractsOnTheCustomerTabAndRecordsOneRenewedAndOneLost(Language language) {
        var chinese = language == Language.CHINESE;
        var customerId = testData.strategic();
        var today = LocalDate.now(clock);
        // a supply contract ending in 99 days (its 90-day conversation is next) and a green-power agreement
        // ending in 20 days (recorded late: its final conversation is next)
        var supply = record(customerId, "SUPPLY", today.plusDays(100).minusYears(3), 3, "NEGOTIATED", 20000, "TIME_OF_USE");
        var green = record(customerId, "GREEN_POWER", today.plusDays(21).minusYears(2), 2, "AUTOMATIC", 5000, "GREEN_PREMIUM");
        var conversation = nextTask(supply);
        var finalConversation = nextTask(green);
        assertThat(conversation.getName()).isEqualTo(CONVERSATION);
        assertThat(finalConversation.getName()).isEqualTo(FINAL_CONVERSATION);
        var manager = TestData.user(Groups.KEY_ACCOUNTS);
        var renewedNote = chinese ? "客户同意按原条款续签五年，下月签字。" : "Customer agreed to five more years on the same terms.";
        var lostNote = chinese ? "客户转向售电公司的市场化交易套餐。" : "Customer moves to a retail company's market-traded offer.";

        try (var browser = Browser.open(port, language, scenario("contract-renewal", language))) {
            var tasklist = LoginPage.ofTasklist(browser).logIn(manager, TestData.PASSWORD);
            var workspace = new WorkspaceScreens(browser);
            var card = tasklist.filter(FilterNames.MY_GROUPS_TASKS).task(supply.id(), conversation.getId());
            assertThat(card.taskName()).isEqualTo(shown(CONVERSATION, "合同续签洽谈", language));
            var form = tasklist.open(card);
            assertThat(form.value("Contract / 合同编号")).isEqualTo(supply.id());
            browser.screenshot("renewal-task");

            // the customer tab: both contracts with their terms, neither decided yet
            workspace.customerTab();
            assertThat(workspace.contractHeads()).containsExactly(chinese
                    ? new String[] {"合同编号", "合同类型", "生效日期", "期限", "续约条款", "合同容量", "计价方式", "状态", "续签情况"}
                    : new String[] {"Contract", "Kind", "Start", "Term", "Renewal terms", "Contracted capacity", "Price basis",
                            "Status", "Renewal"});
            assertThat(workspace.contract(supply.id())).isEqualTo(Map.of(
                    "kind", chinese ? "供用电合同" : "Supply contract",
                    "startsOn", supply.startsOn().toString(),
                    "term", (chinese ? "3 年, 至 " : "3 years, until ") + supply.endsOn(),
                    "renewalTerms", chinese ? "协商续签" : "renewed by a new agreement",
                    "capacity", "20,000 kVA",
                    "priceBasis", chinese ? "分时电价" : "Time of use",
                    "status", chinese ? "履行中" : "active",
                    "renewal", chinese ? "尚未确定" : "not decided yet"));
            assertThat(workspace.contract(green.id())).containsEntry("kind", chinese ? "绿电交易协议" : "Green-power agreement")
                    .containsEntry("renewalTerms", chinese ? "自动续期" : "renews itself unless ended")
                    .containsEntry("capacity", "5,000 kVA").containsEntry("priceBasis", chinese ? "绿电溢价" : "Green premium");
            browser.screenshot("customer-tab-contracts");

            // renewed for five years
            workspace.formTab();
            form.claim().choose("Renewed on the same terms").fill("New term in years", "5").fill("Conversation", renewedNote);
            browser.screenshot("renewed");
            form.complete();

            // the other contract's final conversation: lost to a retail competitor
            card = tasklist.filter(FilterNames.MY_GROUPS_TASKS).task(green.id(), finalConversation.getId());
            assertThat(card.taskName()).isEqualTo(shown(FINAL_CONVERSATION, "合同续签最终洽谈", language));
            form = tasklist.open(card);
            form.claim().choose("Lost").select("Why not renewed", "Retail competitor")
                    .fill("Conversation", lostNote);
            if (chinese) assertThat(tasklist.labelsWithoutChinese()).isEmpty();
            browser.screenshot("lost");
            form.complete();

            // the customer's contracts now: renewed with its successor, lost with the reason
            var renewed = contracts.get(supply.id());
            workspace.search(customerId).openCustomerHit(customerId);
            assertThat(workspace.contract(supply.id())).containsEntry("status", chinese ? "已续签" : "renewed")
                    .hasEntrySatisfying("renewal", text -> assertThat(text).contains(
                            chinese ? "按原条款续签: 5 年" : "Renewed: 5 years", renewed.renewal().newContractId(), manager));
            assertThat(workspace.contract(renewed.renewal().newContractId())).containsEntry("status", chinese ? "履行中" : "active")
                    .containsEntry("startsOn", supply.endsOn().plusDays(1).toString());
            assertThat(workspace.contract(green.id())).containsEntry("status", chinese ? "已流失" : "lost")
                    .hasEntrySatisfying("renewal", text -> assertThat(text).contains(
                            chinese ? "流失: 售电公司竞争" : "Lost: retail competitor", manager));
            browser.screenshot("contracts-after");
        }

        // the contract tables: the renewal with its new contract, the loss with its reason, by the manager
        var renewed = contracts.get(supply.id());
        assertThat(renewed.status()).isEqualTo(ContractStatus.RENEWED);
        assertThat(renewed.renewal().outcome()).isEqualTo(RenewalOutcome.RENEWED);
        assertThat(renewed.renewal().newTermYears()).isEqualTo(5);
        assertThat(renewed.renewal().note()).isEqualTo(renewedNote);
        assertThat(renewed.renewal().decidedBy()).isEqualTo(manager);
        var successor = contracts.get(renewed.renewal().newContractId());
        assertThat(successor.status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(successor.previousContractId()).isEqualTo(supply.id());
        assertThat(successor.startsOn()).isEqualTo(supply.endsOn().plusDays(1));
        assertThat(successor.termYears()).isEqualTo(5);
        assertThat(successor.contractedCapacityKva()).isEqualByComparingTo(new BigDecimal("20000"));
        assertThat(successor.priceBasis()).isEqualTo(PriceBasis.TIME_OF_USE);
        var lost = contracts.get(green.id());
        assertThat(lost.status()).isEqualTo(ContractStatus.LOST);
        assertThat(lost.renewal().outcome()).isEqualTo(RenewalOutcome.LOST);
        assertThat(lost.renewal().lostReason()).isEqualTo(LostReason.RETAIL_COMPETITOR);
        assertThat(lost.renewal().note()).isEqualTo(lostNote);
        assertThat(lost.renewal().decidedBy()).isEqualTo(manager);
        assertThat(steps.withoutCase(customerId)).filteredOn(s -> s.kind() == StepKind.RENEWAL_CONVERSATION)
                .extracting(s -> s.outcome()).containsExactly("RENEWED", "LOST");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aSupervisorFollowsUpAContractThatEndedUndecided(Language language) {
        var chinese = language == Language.CHINESE;
        var customerId = testData.strategic();
        // ended ten days ago; its final conversation left it open, then it ended
        var contract = record(customerId, "DEMAND_RESPONSE", LocalDate.now(clock).minusDays(10).minusYears(1), 1, "NONE",
                3000, "MARKET_TRADED");
        var open = nextTask(contract);
        identity.setAuthentication(TestData.user(Groups.KEY_ACCOUNTS), List.of(Groups.KEY_ACCOUNTS));
        try {
            tasks.complete(open.getId(), Map.of("renewalOutcome", "OPEN", "conversationNotes", "Waiting for the board's decision."));
        } finally {
            identity.clearAuthentication();
        }
        var followUp = nextTask(contract);
        assertThat(followUp.getName()).isEqualTo(FOLLOW_UP);
        var supervisor = TestData.user(Groups.SUPERVISORS);
        var notes = chinese ? "客户董事会未能按时决策，已按临时供电安排继续供电并约定下周面谈。"
                : "The board missed the date; supply continues on interim terms, meeting booked next week.";

        try (var browser = Browser.open(port, language, scenario("contract-expired", language))) {
            var tasklist = LoginPage.ofTasklist(browser).logIn(supervisor, TestData.PASSWORD);
            var workspace = new WorkspaceScreens(browser);
            var card = tasklist.filter(FilterNames.MY_GROUPS_TASKS).task(contract.id(), followUp.getId());
            assertThat(card.taskName()).isEqualTo(shown(FOLLOW_UP, "跟进到期未续签合同", language));
            var form = tasklist.open(card);
            workspace.customerTab();
            assertThat(workspace.contract(contract.id())).containsEntry("kind", chinese ? "需求响应协议" : "Demand-response agreement")
                    .containsEntry("renewalTerms", chinese ? "到期终止" : "ends at its term")
                    .containsEntry("status", chinese ? "到期未续签" : "expired undecided").containsEntry("renewal", "—");
            browser.screenshot("customer-tab");
            workspace.formTab();
            form.claim().fill("Follow-up", notes);
            if (chinese) assertThat(tasklist.labelsWithoutChinese()).isEmpty();
            browser.screenshot("follow-up");
            form.complete();
        }

        assertThat(contracts.get(contract.id()).status()).isEqualTo(ContractStatus.EXPIRED);
        assertThat(steps.withoutCase(customerId)).filteredOn(s -> s.kind() == StepKind.CONTRACT_EXPIRED).singleElement()
                .satisfies(step -> {
                    assertThat(step.actor()).isEqualTo(supervisor);
                    assertThat(step.taskId()).isEqualTo(followUp.getId());
                    assertThat(step.text("followUpNotes")).isEqualTo(notes);
                });
        assertThat(tasks.createTaskQuery().processInstanceId(contract.renewalProcessInstanceId()).count()).isZero();
    }
}
