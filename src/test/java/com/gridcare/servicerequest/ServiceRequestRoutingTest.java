package com.gridcare.servicerequest;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.cases.CaseKind;
import com.gridcare.cases.CaseRepository;
import com.gridcare.cases.CaseStatus;
import com.gridcare.cases.Channel;
import com.gridcare.cases.ServiceCase;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.customer.Tier;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/** Service-request routing as the service-request process will call it: recorded on the case and in the log. */
@GridCareTest
class ServiceRequestRoutingTest {

    @Autowired
    ServiceRequestRouting routing;
    @Autowired
    CaseRepository cases;
    @Autowired
    CustomerRepository customers;
    @Autowired
    TestData testData;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    private ServiceCase request(String customerId, ServiceRequestType type) {
        var now = OffsetDateTime.now(clock);
        var id = cases.nextId(CaseKind.SERVICE_REQUEST, now.getYear());
        cases.insert(new ServiceCase(id, CaseKind.SERVICE_REQUEST, customerId, Channel.WEB, type.name(), "test request",
                null, null, now, null, CaseStatus.OPEN, "RECEIVED", null, null, null, null, null), now);
        return cases.find(id).orElseThrow();
    }

    @Test
    @Transactional
    void shouldRouteAHouseholdConnectionToTheFrontLineWithSiteWorkByFieldService() {
        var customer = customers.find(testData.residential()).orElseThrow();
        var request = request(customer.id(), ServiceRequestType.NEW_CONNECTION);

        var decision = routing.route(request, customer, Tier.RESIDENTIAL, null, "tier RESIDENTIAL because row 6 'RESIDENTIAL: residential customer'");

        assertThat(decision.output().getGroup()).isEqualTo("customer-service");
        assertThat(decision.output().getSiteWorkGroup()).isEqualTo("field-service");
        assertThat(decision.explanation()).isEqualTo("Routed to customer-service by row 2 'Connection or capacity change "
                + "below 10 kV', site work by field-service; tier RESIDENTIAL because row 6 'RESIDENTIAL: residential "
                + "customer'; priority 50");
        var routed = cases.find(request.id()).orElseThrow();
        assertThat(routed.assignedGroup()).isEqualTo("customer-service");
        assertThat(routed.priority()).isEqualTo(50);
        assertThat(jdbc.sql("SELECT kind FROM decision WHERE id = ?").param(decision.id()).query(String.class).single())
                .isEqualTo(ServiceRequestRouting.DECISION_KIND);
    }

    @Test
    @Transactional
    void shouldRouteEveryRequestOfAStrategicCustomerToKeyAccounts() {
        var customer = customers.find(testData.strategic()).orElseThrow();

        var meterTest = routing.route(request(customer.id(), ServiceRequestType.METER_TEST), customer, Tier.STRATEGIC,
                null, null);
        var connection = routing.route(request(customer.id(), ServiceRequestType.CAPACITY_CHANGE), customer,
                Tier.STRATEGIC, new BigDecimal("110"), null);

        assertThat(meterTest.output().getGroup()).isEqualTo("key-accounts");
        assertThat(connection.output().getGroup()).isEqualTo("key-accounts");
        assertThat(connection.output().getSiteWorkGroup()).isEqualTo("field-service");
        assertThat(connection.explanation()).startsWith("Routed to key-accounts by row 3 'KEY/STRATEGIC: connection or capacity change'");
    }
}
