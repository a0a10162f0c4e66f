package com.gridcare.demo;

import com.gridcare.kernel.EngineClock;

import com.gridcare.cases.CaseKind;
import com.gridcare.cases.CaseRepository;
import com.gridcare.cases.Channel;
import com.gridcare.complaint.ComplaintCategory;
import com.gridcare.complaint.ComplaintIntake;
import com.gridcare.complaint.ComplaintRequest;
import com.gridcare.customer.CustomerRepository;
import com.gridcare.customer.CustomerService;
import com.gridcare.customer.MonthlyConsumption;
import com.gridcare.kernel.Groups;
import com.gridcare.servicerequest.ServiceRequestBody;
import com.gridcare.servicerequest.ServiceRequestIntake;
import com.gridcare.servicerequest.ServiceRequestType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo users (password {@code demo}), about 60 customers covering every class, tier, flag and
 * segment with 24 months of history, and on first start about 10 open complaints and one open
 * service request of each kind of work registered through the real intakes. Only where {@code gridcare.demo.enabled=true} (the default profile).
 */
@Component
@ConditionalOnProperty(name = "gridcare.demo.enabled", havingValue = "true")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** Demo user per group (docs/product-guide.md, "Groups"). */
    static final Map<String, String> USERS = Map.ofEntries(
            Map.entry("agent", Groups.CUSTOMER_SERVICE), Map.entry("keyaccount", Groups.KEY_ACCOUNTS),
            Map.entry("field", Groups.FIELD_SERVICE), Map.entry("billing", Groups.BILLING),
            Map.entry("metering", Groups.METERING), Map.entry("supervisor", Groups.SUPERVISORS),
            Map.entry("manager", Groups.SERVICE_MANAGERS), Map.entry("survey", Groups.SURVEY_TEAM),
            Map.entry("analyst", Groups.RULE_ANALYSTS), Map.entry("channel", Groups.CHANNEL_SYSTEMS),
            Map.entry("operator", Groups.OPERATORS), Map.entry("admin", Groups.ADMINS));

    private final IdentityService identity;
    private final CustomerService customers;
    private final ComplaintIntake intake;
    private final ServiceRequestIntake requestIntake;
    private final ObjectMapper json;
    private final CustomerRepository customerRecords;
    private final CaseRepository cases;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DemoData(IdentityService identity, CustomerService customers, ComplaintIntake intake,
            ServiceRequestIntake requestIntake, ObjectMapper json, CustomerRepository customerRecords,
            CaseRepository cases, TransactionTemplate transactions, Clock clock) {
        this.identity = identity;
        this.customers = customers;
        this.intake = intake;
        this.requestIntake = requestIntake;
        this.json = json;
        this.customerRecords = customerRecords;
        this.cases = cases;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener
    void load(ApplicationReadyEvent event) {
        createUsers();
        if (customerRecords.count() == 0) {
            var catalogue = DemoCustomers.catalogue();
            for (var customer : catalogue) {
                customers.save(customer.id(), customer.data());
            }
            recordHistory(catalogue);
            for (var customer : catalogue) {
                customers.saveConsumption(customer.id(), consumption(customer));
            }
            log.info("demo: {} customers with 24 months of history", catalogue.size());
        }
        // loading consumption may have opened a proactive meter test (R-0015's jump): count the channels' cases only
        if (cases.countOpen(CaseKind.COMPLAINT, false) == 0) {
            for (var complaint : openComplaints()) {
                transactions.executeWithoutResult(tx -> intake.register(complaint));
            }
            log.info("demo: {} open complaints registered", openComplaints().size());
        }
        if (cases.countOpen(CaseKind.SERVICE_REQUEST, false) == 0) {
            var requests = openServiceRequests();
            for (var request : requests) {
                transactions.executeWithoutResult(tx -> requestIntake.register(request));
            }
            log.info("demo: {} open service requests registered", requests.size());
        }
    }

    private void createUsers() {
        USERS.forEach((id, group) -> {
            if (identity.createUserQuery().userId(id).count() > 0) return;
            var user = identity.newUser(id);
            user.setFirstName(Character.toUpperCase(id.charAt(0)) + id.substring(1));
            user.setLastName("Demo");
            user.setEmail(id + "@gridcare.example");
            user.setPassword("demo");
            identity.saveUser(user);
            identity.createMembership(id, group);
            if (id.equals("admin")) {
                if (identity.createGroupQuery().groupId("camunda-admin").count() == 0) {
                    var admins = identity.newGroup("camunda-admin");
                    admins.setName("Camunda administrators");
                    admins.setType("SYSTEM");
                    identity.saveGroup(admins);
                }
                identity.createMembership(id, "camunda-admin");
            }
        });
    }

    /** 24 months up to last month; the customer's profile decides the amounts and payments. */
    private List<MonthlyConsumption> consumption(DemoCustomers.Entry customer) {
        var random = new Random(customer.id().hashCode());
        var months = new ArrayList<MonthlyConsumption>();
        var last = YearMonth.from(LocalDate.now(clock)).minusMonths(1);
        var start = YearMonth.from(customer.data().contractStart());
        for (int i = 23; i >= 0; i--) {
            var month = last.minusMonths(i);
            if (month.isBefore(start)) continue;
            double seasonal = 1 + 0.25 * Math.cos((month.getMonthValue() - 7) * Math.PI / 6);
            double kwh = customer.annualKwh() / 12 * seasonal * (0.9 + 0.2 * random.nextDouble());
            if (customer.consumptionJump() && i == 0) kwh *= 1.8;
            boolean onTime = customer.arrears() ? i > 2 : random.nextDouble() < customer.onTimeShare();
            var amount = BigDecimal.valueOf(kwh * customer.tariff()).setScale(2, RoundingMode.HALF_UP);
            months.add(new MonthlyConsumption(month.toString(), BigDecimal.valueOf(kwh).setScale(0, RoundingMode.HALF_UP),
                    amount, onTime));
        }
        return months;
    }

    /** Closed contacts of the past year, so that the DIGITAL and PRICE_SENSITIVE segments have data. */
    private void recordHistory(List<DemoCustomers.Entry> catalogue) {
        var now = OffsetDateTime.now(clock);
        int n = 0;
        for (var customer : catalogue) {
            for (var contact : customer.pastContacts()) {
                var received = now.minusDays(20 + 40L * n % 300);
                cases.importClosed("HIS-%d-%06d".formatted(received.getYear(), ++n), customer.id(), contact.channel(),
                        contact.category().name(), "Earlier contact (imported history)", received, received.plusDays(3));
            }
        }
    }

    /** One open request of each kind of work, at different steps (one waits for documents). */
    private List<ServiceRequestBody> openServiceRequests() {
        var nextWeek = LocalDate.now(clock.withZone(com.gridcare.kernel.EngineClock.ZONE)).plusDays(7).toString();
        return List.of(
                request("R-0008", ServiceRequestType.NEW_CONNECTION, Channel.WEB,
                        "{\"voltageKv\": 0.22, \"capacityKva\": 10, \"documents\": [\"ID_CARD\", \"PROPERTY_CERTIFICATE\"]}"),
                request("I-0003", ServiceRequestType.CAPACITY_CHANGE, Channel.COUNTER,
                        "{\"voltageKv\": 10, \"supply\": \"DUAL\", \"capacityKva\": 2000,"
                                + " \"documents\": [\"BUSINESS_LICENCE\", \"LOAD_LIST\"]}"),
                request("C-0004", ServiceRequestType.TARIFF_CHANGE, Channel.APP,
                        "{\"tariff\": \"TIME_OF_USE\", \"documents\": [\"BUSINESS_LICENCE\"]}"),
                request("R-0011", ServiceRequestType.MOVE_IN, Channel.HOTLINE, "{\"moveDate\": \"" + nextWeek + "\"}"),
                request("R-0014", ServiceRequestType.OUTAGE_REPAIR, Channel.HOTLINE,
                        "{\"area\": \"URBAN\", \"faultDescription\": \"No power in the whole building since 14:00\"}"),
                request("R-0016", ServiceRequestType.GREEN_PLAN_ENROLMENT, Channel.APP, "{\"greenSharePercent\": 50}"),
                request("R-0019", ServiceRequestType.METER_TEST, Channel.WECHAT, "{\"meterNumber\": \"M-2026-0019\"}"));
    }

    private ServiceRequestBody request(String customerId, ServiceRequestType type, Channel channel, String details) {
        try {
            return new ServiceRequestBody(customerId, type, channel, json.readTree(details));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ComplaintRequest> openComplaints() {
        return List.of(
                complaint("R-0003", Channel.HOTLINE, ComplaintCategory.CONNECTION,
                        "Asked for a second meter for the garage three weeks ago and nobody called back."),
                complaint("R-0007", Channel.WECHAT, ComplaintCategory.OTHER,
                        "The outage notice for our street was sent after the work had started."),
                complaint("C-0004", Channel.WEB, ComplaintCategory.CONNECTION,
                        "The new shop's connection appointment was moved twice without notice."),
                complaint("R-0012", Channel.APP, ComplaintCategory.OTHER,
                        "The app shows an old address on the bill although it was changed in March."),
                complaint("R-0001", Channel.HOTLINE, ComplaintCategory.BILLING,
                        "October bill is twice the usual amount; no new appliances at home."),
                complaint("I-0002", Channel.EMAIL, ComplaintCategory.POWER_QUALITY,
                        "Voltage dips stop the production line several times a day since Monday."),
                complaint("I-0001", Channel.HOTLINE, ComplaintCategory.BILLING,
                        "Demand charge on the last invoice does not match the contracted capacity."),
                complaint("R-0020", Channel.COUNTER, ComplaintCategory.METER,
                        "The meter display is blank and the reading was estimated."),
                complaint("P-0001", Channel.HOTLINE, ComplaintCategory.SUPPLY_INTERRUPTION,
                        "Hospital wing B lost supply for 40 minutes this morning; backup started late."),
                complaint("C-0002", Channel.HOTLINE, ComplaintCategory.SERVICE_CONDUCT,
                        "The meter reader was rude and refused to show identification."));
    }

    private static ComplaintRequest complaint(String customerId, Channel channel, ComplaintCategory category,
            String description) {
        return new ComplaintRequest(customerId, channel, category, description, null, null);
    }
}
