package com.gridcare.testsupport;

import com.gridcare.customer.Area;
import com.gridcare.customer.CustomerClass;
import com.gridcare.customer.CustomerMasterData;
import com.gridcare.customer.CustomerService;
import com.gridcare.customer.MonthlyConsumption;
import com.gridcare.customer.PreferredChannel;
import com.gridcare.kernel.Groups;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.test.context.TestComponent;

/**
 * Test users (one per group, user id = group id, password {@code test}; the administrators' user is
 * also a Camunda administrator) and customers with
 * unique ids, created through GridCare's real services.
 */
@TestComponent
public class TestData {

    public static final String PASSWORD = "test";
    private static final String CAMUNDA_ADMIN = "camunda-admin";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final IdentityService identity;
    private final CustomerService customers;
    private final Clock clock;

    TestData(IdentityService identity, CustomerService customers, Clock clock) {
        this.identity = identity;
        this.customers = customers;
        this.clock = clock;
    }

    /** The test user of a group: the group's id without hyphens (user ids are letters and digits). */
    public static String user(String group) {
        return group.replace("-", "");
    }

    /** Makes sure the test user of each group exists and is a member of it. */
    public synchronized void users() {
        for (var group : Groups.ALL) {
            var id = user(group);
            if (identity.createUserQuery().userId(id).count() > 0) continue;
            var user = identity.newUser(id);
            user.setFirstName(group);
            user.setLastName("Test");
            user.setPassword(PASSWORD);
            identity.saveUser(user);
            identity.createMembership(id, group);
        }
        // the webapps show their one-time setup page instead of the login while no user is a Camunda administrator
        if (identity.createGroupQuery().groupId(CAMUNDA_ADMIN).count() == 0) {
            var admins = identity.newGroup(CAMUNDA_ADMIN);
            admins.setName("Camunda administrators");
            admins.setType("SYSTEM");
            identity.saveGroup(admins);
        }
        if (identity.createUserQuery().userId(user(Groups.ADMINS)).memberOfGroup(CAMUNDA_ADMIN).count() == 0) {
            identity.createMembership(user(Groups.ADMINS), CAMUNDA_ADMIN);
        }
    }

    public static String uniqueId(String prefix) {
        return "%s-%d-%d".formatted(prefix, ProcessHandle.current().pid() % 10000, SEQUENCE.incrementAndGet());
    }

    /** A customer with the given class and annual consumption (12 equal months up to last month). */
    public String customer(CustomerClass customerClass, double annualKwh, String voltageKv, String capacityKva,
            boolean criticalLoad, boolean priorityCare) {
        var id = uniqueId(customerClass.name().substring(0, 3));
        customers.save(id, new CustomerMasterData("Test customer " + id, customerClass, new BigDecimal(voltageKv),
                new BigDecimal(capacityKva), LocalDate.now(clock).minusYears(3), null, criticalLoad, priorityCare,
                false, Area.URBAN, PreferredChannel.SMS, "13800138000", null, null));
        customers.saveConsumption(id, twelveMonths(LocalDate.now(clock), annualKwh));
        return id;
    }

    /** Twelve equal bills of {@code annualKwh / 12} up to the month before {@code today}, all paid on time. */
    public static List<MonthlyConsumption> twelveMonths(LocalDate today, double annualKwh) {
        var months = new ArrayList<MonthlyConsumption>();
        var last = YearMonth.from(today).minusMonths(1);
        for (int i = 0; i < 12; i++) {
            months.add(new MonthlyConsumption(last.minusMonths(i).toString(),
                    BigDecimal.valueOf(annualKwh / 12), BigDecimal.valueOf(annualKwh / 12 * 0.6), true));
        }
        return months;
    }

    public String residential() {
        return customer(CustomerClass.RESIDENTIAL, 3600, "0.22", "8", false, false);
    }

    public String strategic() {
        return customer(CustomerClass.INDUSTRIAL, 12_000_000, "35", "20000", false, false);
    }

    /**
     * A customer supplied from a feeder and/or transformer area (for outages), without consumption
     * history; {@code criticalLoad} makes them IMPORTANT, {@code priorityCare} (residential) PRIORITY_CARE.
     */
    public String supplied(String feederId, String transformerArea, CustomerClass customerClass, boolean criticalLoad,
            boolean priorityCare, Area area, PreferredChannel channel) {
        var id = uniqueId("SUP");
        customers.save(id, new CustomerMasterData("Supplied customer " + id, customerClass, new BigDecimal("0.4"),
                new BigDecimal("50"), LocalDate.now(clock).minusYears(3), null, criticalLoad, priorityCare, false, area,
                channel, "13800138000", "c@example.cn", null, feederId, transformerArea));
        return id;
    }

    public List<String> groups() {
        return Groups.ALL;
    }
}
