package com.gridcare.offers;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.customer.Area;
import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.CustomerMasterData;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.customer.CustomerService;
import com.gridcare.customer.PreferredChannel;
import com.gridcare.rules.runtime.DecisionService;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The offer decisions as the survey and complaint processes ask them, recorded in the decision log. */
@GridCareTest
class OfferEligibilityTest {

    @Autowired
    OfferEligibility offers;
    @Autowired
    CustomerRepository customers;
    @Autowired
    CustomerService customerService;
    @Autowired
    TestData testData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    @Test
    void shouldCreditSurveyThanksAtMostFourTimesAYear() {
        var customer = customers.find(testData.residential()).orElseThrow();
        var subject = DecisionService.Subject.customer(customer.id());

        var fourth = offers.reward(customer, RewardEvent.SURVEY_ANSWERED, 3, subject);
        var fifth = offers.reward(customer, RewardEvent.SURVEY_ANSWERED, 4, subject);

        assertThat(fourth.output().reward()).isEqualTo("SURVEY_THANKS");
        assertThat(fourth.output().rewardPoints()).isEqualTo(50);
        assertThat(fourth.explanation()).isEqualTo("SURVEY_THANKS 50 points for SURVEY_ANSWERED by row 6 "
                + "'SURVEY_THANKS: answered a survey, at most 4 a year'");
        assertThat(fifth.output().reward()).isNull();
        assertThat(fifth.explanation()).isEqualTo("no reward for SURVEY_ANSWERED: no row grants one (already credited 4 this year)");
        assertThat(jdbc.sql("SELECT kind FROM decision WHERE id IN (?, ?)").params(fourth.id(), fifth.id())
                .query(String.class).list()).containsOnly(OfferEligibility.REWARD_KIND).hasSize(2);
    }

    @Test
    void shouldCreditServiceRecoveryWhenTheResolutionClockWasBreached() {
        var customer = customers.find(testData.strategic()).orElseThrow();

        var decision = offers.reward(customer, RewardEvent.RESOLUTION_BREACHED, 0,
                DecisionService.Subject.caseOf("CMP-TEST-1", customer.id()));

        assertThat(decision.output().reward()).isEqualTo("SERVICE_RECOVERY");
        assertThat(decision.output().rewardPoints()).isEqualTo(100);
    }

    @Test
    void shouldGiveANewKeyAccountOnALongContractTheCappedDiscount() {
        var id = TestData.uniqueId("NEW");
        customerService.save(id, new CustomerMasterData("New key account " + id, CustomerClass.INDUSTRIAL,
                new BigDecimal("10"), new BigDecimal("800"), LocalDate.now(clock).minusMonths(1), 5, false, false, false,
                Area.URBAN, PreferredChannel.EMAIL, null, null, null));
        var customer = customers.find(id).orElseThrow();

        var decision = offers.eligibleOffers(customer, Set.of(), DecisionService.Subject.customer(id));
        var again = offers.eligibleOffers(customer, Set.of("NEW_CUSTOMER"), DecisionService.Subject.customer(id));

        assertThat(decision.output().granted()).containsExactly("NEW_CUSTOMER", "LONG_TERM_CONTRACT");
        assertThat(decision.output().discountPercent()).isEqualTo(5.0);
        assertThat(decision.explanation()).contains("NEW_CUSTOMER 5 % by row 1").contains("discount 5 % (capped by rule "
                + "'Percent discounts add up to at most 5 %')");
        assertThat(again.output().granted()).containsExactly("LONG_TERM_CONTRACT");
        assertThat(again.output().discountPercent()).isEqualTo(1.5);
    }
}
