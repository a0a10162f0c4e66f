package com.gridcare.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.cases.CaseSteps;
import com.gridcare.cases.StepKind;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.offers.OfferEligibility;
import com.gridcare.rules.runtime.DecisionService;
import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A business customer's contract asks the owning group for a renewal conversation 90 and 30 days
 * before it ends (by the working calendar), records the outcome in the contract tables, which the
 * long-term-contract offer reads, and sends a contract that ends undecided to the supervisors.
 */
@GridCareTest
class ContractRenewalTest {

    /** The engine's (and GridCare's) time during these tests. */
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-06-01T10:00:00+08:00");

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
    OfferEligibility offers;
    @Autowired
    CustomerRepository customers;
    @Autowired
    CaseSteps steps;

    @BeforeEach
    void setUp() {
        testData.users();
        ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
    }

    private Contract record(String customerId, String startsOn, int termYears) {
        var answer = Api.at(port).as(Groups.KEY_ACCOUNTS).post("/api/v1/contracts", """
                {"customerId":"%s","kind":"SUPPLY","startsOn":"%s","termYears":%d,"renewalTerms":"NEGOTIATED",
                 "contractedCapacityKva":20000,"priceBasis":"TIME_OF_USE"}""".formatted(customerId, startsOn, termYears));
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return contracts.get(answer.json().path("id").asText());
    }

    private Job timer(Contract contract) {
        return management.createJobQuery().processInstanceId(contract.renewalProcessInstanceId()).timers().singleResult();
    }

    private Task fire(Job timer) {
        ClockUtil.setCurrentTime(timer.getDuedate());
        management.executeJob(timer.getId());
        return tasks.createTaskQuery().processInstanceId(timer.getProcessInstanceId()).singleResult();
    }

    private void complete(Task task, String group, Map<String, Object> outcome) {
        identity.setAuthentication(TestData.user(group), List.of(group));
        try {
            tasks.complete(task.getId(), outcome);
        } finally {
            identity.clearAuthentication();
        }
    }

    private List<String> offersOf(String customerId) {
        var customer = customers.find(customerId).orElseThrow();
        return offers.eligibleOffers(customer, Set.of("NEW_CUSTOMER"), DecisionService.Subject.customer(customerId))
                .output().granted();
    }

    private static OffsetDateTime beijing(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+08:00");
    }

    @Test
    void renewalConversationsAt90And30DaysByTheWorkingCalendarAndTheRenewalIsReadByTheDiscountRule() {
        var customer = testData.strategic();
        // ends Wed 2026-12-30: 90 days before is Thu 1 October, National Day → Wed 30 September
        var contract = record(customer, "2024-12-31", 2);
        assertThat(contract.endsOn()).hasToString("2026-12-30");
        assertThat(contract.owningGroup()).isEqualTo(Groups.KEY_ACCOUNTS);
        assertThat(offersOf(customer)).as("a two-year contract").doesNotContain("LONG_TERM_CONTRACT");

        var timer90 = timer(contract);
        assertThat(timer90.getDuedate().toInstant()).isEqualTo(beijing("2026-09-30T08:30:00").toInstant());
        var first = fire(timer90);
        assertThat(first.getName()).isEqualTo("Hold renewal conversation");
        assertThat(tasks.getIdentityLinksForTask(first.getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo(Groups.KEY_ACCOUNTS));
        complete(first, Groups.KEY_ACCOUNTS, Map.of("renewalOutcome", "OPEN",
                "conversationNotes", "Customer wants a quote for a longer term first."));

        // 30 days before: Mon 30 November
        var timer30 = timer(contract);
        assertThat(timer30.getDuedate().toInstant()).isEqualTo(beijing("2026-11-30T08:30:00").toInstant());
        var second = fire(timer30);
        assertThat(second.getName()).isEqualTo("Hold final renewal conversation");
        complete(second, Groups.KEY_ACCOUNTS, Map.of("renewalOutcome", "RENEWED", "newTermYears", 3,
                "conversationNotes", "Renewed for three years on the same terms."));

        var renewed = contracts.get(contract.id());
        assertThat(renewed.status()).isEqualTo(ContractStatus.RENEWED);
        assertThat(renewed.renewal().outcome()).isEqualTo(RenewalOutcome.RENEWED);
        assertThat(renewed.renewal().newTermYears()).isEqualTo(3);
        assertThat(renewed.renewal().decidedBy()).isEqualTo(TestData.user(Groups.KEY_ACCOUNTS));
        var successor = contracts.get(renewed.renewal().newContractId());
        assertThat(successor.startsOn()).hasToString("2026-12-31");
        assertThat(successor.endsOn()).hasToString("2029-12-30");
        assertThat(successor.previousContractId()).isEqualTo(contract.id());
        assertThat(successor.status()).isEqualTo(ContractStatus.ACTIVE);
        assertThat(steps.withoutCase(customer)).filteredOn(s -> s.kind() == StepKind.RENEWAL_CONVERSATION)
                .extracting(s -> s.outcome()).containsExactly("OPEN", "RENEWED");
        assertThat(management.createJobQuery().processInstanceId(contract.renewalProcessInstanceId()).count())
                .as("the renewal process ended").isZero();
        assertThat(offersOf(customer)).as("renewed for three years").contains("LONG_TERM_CONTRACT");

        var list = Api.at(port).as(Groups.SUPERVISORS).get("/api/v1/customers/" + customer + "/contracts");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("contracts").findValues("id").toString()).contains(contract.id(), successor.id());
        assertThat(Api.at(port).as(Groups.BILLING).get("/api/v1/contracts/" + contract.id()).json()
                .path("renewal").path("outcome").asText()).isEqualTo("RENEWED");
    }

    @Test
    void aLostContractNoLongerEarnsTheDiscountAndAMakeUpSundayIsAWorkingDay() {
        var customer = testData.strategic();
        // ends Sat 2026-12-19: 90 days before is Sun 20 September, a make-up working day
        var contract = record(customer, "2021-12-20", 5);
        assertThat(offersOf(customer)).as("a five-year contract").contains("LONG_TERM_CONTRACT");
        var timer90 = timer(contract);
        assertThat(timer90.getDuedate().toInstant()).isEqualTo(beijing("2026-09-20T08:30:00").toInstant());

        var conversation = fire(timer90);
        complete(conversation, Groups.KEY_ACCOUNTS, Map.of("renewalOutcome", "LOST", "lostReason", "RETAIL_COMPETITOR",
                "conversationNotes", "Moves to a retail company's market-traded offer."));

        var lost = contracts.get(contract.id());
        assertThat(lost.status()).isEqualTo(ContractStatus.LOST);
        assertThat(lost.renewal().lostReason()).isEqualTo(LostReason.RETAIL_COMPETITOR);
        assertThat(offersOf(customer)).doesNotContain("LONG_TERM_CONTRACT");
    }

    @Test
    void aContractThatEndsUndecidedGoesToTheSupervisors() {
        var customer = testData.strategic();
        var contract = record(customer, "2025-12-01", 1);
        assertThat(contract.endsOn()).hasToString("2026-11-30");
        complete(fire(timer(contract)), Groups.KEY_ACCOUNTS, Map.of("renewalOutcome", "OPEN",
                "conversationNotes", "Customer has not decided yet."));
        complete(fire(timer(contract)), Groups.KEY_ACCOUNTS, Map.of("renewalOutcome", "OPEN",
                "conversationNotes", "Still waiting for the board's decision."));

        var ended = timer(contract);
        assertThat(ended.getDuedate().toInstant()).isEqualTo(beijing("2026-12-01T00:00:00").toInstant());
        ClockUtil.setCurrentTime(ended.getDuedate());
        management.executeJob(ended.getId());
        var expire = management.createJobQuery().processInstanceId(contract.renewalProcessInstanceId()).singleResult();
        management.executeJob(expire.getId());

        assertThat(contracts.get(contract.id()).status()).isEqualTo(ContractStatus.EXPIRED);
        var followUp = tasks.createTaskQuery().processInstanceId(contract.renewalProcessInstanceId()).singleResult();
        assertThat(followUp.getName()).isEqualTo("Follow up expired contract");
        assertThat(tasks.getIdentityLinksForTask(followUp.getId()))
                .anySatisfy(l -> assertThat(l.getGroupId()).isEqualTo(Groups.SUPERVISORS));
        assertThat(contracts.termYearsForOffers(customer, NOW.toLocalDate().plusYears(1))).hasValue(0);
    }

    @Test
    void contractsAreForBusinessCustomersAndBadInputNamesTheField() {
        var api = Api.at(port).as(Groups.KEY_ACCOUNTS);
        var residential = api.post("/api/v1/contracts", """
                {"customerId":"%s","kind":"SUPPLY","startsOn":"2026-01-01","termYears":3,"renewalTerms":"NEGOTIATED",
                 "contractedCapacityKva":8,"priceBasis":"CATALOGUE_TARIFF"}""".formatted(testData.residential()));
        assertThat(residential.status()).isEqualTo(400);
        assertThat(residential.body()).contains("customerId");
        var badKind = api.post("/api/v1/contracts", """
                {"customerId":"%s","kind":"LEASE","startsOn":"2026-01-01","termYears":3,"renewalTerms":"NEGOTIATED",
                 "contractedCapacityKva":8,"priceBasis":"CATALOGUE_TARIFF"}""".formatted(testData.strategic()));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.body()).contains("kind");
        var noTerm = api.post("/api/v1/contracts", """
                {"customerId":"%s","kind":"SUPPLY","startsOn":"2026-01-01","renewalTerms":"NEGOTIATED",
                 "contractedCapacityKva":8,"priceBasis":"CATALOGUE_TARIFF"}""".formatted(testData.strategic()));
        assertThat(noTerm.status()).isEqualTo(400);
        assertThat(noTerm.body()).contains("termYears");
        assertThat(api.post("/api/v1/contracts", """
                {"customerId":"NO-SUCH-CUSTOMER","kind":"SUPPLY","startsOn":"2026-01-01","termYears":3,
                 "renewalTerms":"NEGOTIATED","contractedCapacityKva":8,"priceBasis":"CATALOGUE_TARIFF"}""").status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/contracts/CTR-1999-999999").status()).isEqualTo(404);
    }
}
