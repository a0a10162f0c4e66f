package com.gridcare.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Phone numbers, e-mail addresses and addresses stay in GridCare's own tables: after a real intake
 * (customer from the billing system, complaint from a channel, its first jobs run) no engine table
 * holds them, not as a variable, a business key, in history or in a job, and no log line shows
 * them. An erasure then removes
 * the customer's name and contact data from every table of the database.
 */
@GridCareTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;

    private String phone;
    private String contactPhone;
    private String email;
    private String address;
    private String name;
    private String customerId;

    @BeforeEach
    void customerFromTheBillingSystem() {
        testData.users();
        var random = ThreadLocalRandom.current();
        phone = "139" + (10_000_000 + random.nextInt(89_999_999));
        contactPhone = "137" + (10_000_000 + random.nextInt(89_999_999));
        var tag = Long.toString(random.nextLong(1L << 40, 1L << 50), 36);
        email = "pd" + tag + "@example.com";
        address = "Erasure Road " + tag + ", Haidian";
        name = "Zhang Pd" + tag;
        customerId = TestData.uniqueId("PD");
        var put = Api.at(port).as(Groups.CHANNEL_SYSTEMS).put("/api/v1/customers/" + customerId, """
                {"name":"%s","customerClass":"RESIDENTIAL","supplyVoltageKv":0.22,"contractedCapacityKva":8,
                 "contractStart":"2020-01-01","criticalLoad":false,"priorityCare":false,"greenPreference":false,
                 "area":"URBAN","preferredChannel":"SMS","phone":"%s","email":"%s","address":"%s"}"""
                .formatted(name, phone, email, address));
        assertThat(put.status()).as(put.body()).isEqualTo(201);
    }

    private String intake() {
        var receipt = Api.at(port).as(Groups.CHANNEL_SYSTEMS).post("/api/v1/complaints", """
                {"customerId":"%s","channel":"HOTLINE","category":"METER","description":"Meter blank since Monday",
                 "contactPhone":"%s"}""".formatted(customerId, contactPhone));
        assertThat(receipt.status()).as(receipt.body()).isEqualTo(201);
        var processInstanceId = receipt.json().path("processInstanceId").asText();
        for (var job : management.createJobQuery().processInstanceId(processInstanceId).list()) {
            if (job.getDuedate() == null) management.executeJob(job.getId());
        }
        return receipt.json().path("caseId").asText();
    }

    /** Every "table.column" of the database whose text (or bytes) contains the value. */
    private List<String> whereFound(String value, boolean engineTablesOnly) {
        var found = new ArrayList<String>();
        var columns = jdbc.queryForList("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                 WHERE LOWER(table_schema) = 'public'""");
        var needle = value.getBytes(StandardCharsets.UTF_8);
        for (var column : columns) {
            var table = (String) column.get("table_name");
            var name = (String) column.get("column_name");
            var type = String.valueOf(column.get("data_type")).toLowerCase(Locale.ROOT);
            if (engineTablesOnly && !table.toLowerCase(Locale.ROOT).startsWith("act_")) continue;
            if (type.contains("char") || type.contains("text") || type.contains("clob")) {
                var hits = jdbc.queryForObject("SELECT COUNT(*) FROM \"" + table + "\" WHERE \"" + name + "\" LIKE ?",
                        Long.class, "%" + value + "%");
                if (hits != null && hits > 0) found.add(table + "." + name);
            } else if (type.contains("bytea") || type.contains("binary") || type.contains("blob")) {
                var rows = jdbc.queryForList("SELECT \"" + name + "\" FROM \"" + table + "\" WHERE \"" + name
                        + "\" IS NOT NULL", byte[].class);
                if (rows.stream().anyMatch(bytes -> contains(bytes, needle))) found.add(table + "." + name);
            }
        }
        return found;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) continue outer;
            }
            return true;
        }
        return false;
    }

    @Test
    void contactDataNeverReachesTheEngineNorTheLogs(CapturedOutput output) {
        intake();

        for (var value : List.of(phone, contactPhone, email, address)) {
            assertThat(whereFound(value, true)).as("engine tables holding %s", value).isEmpty();
        }
        for (var value : List.of(phone, contactPhone, email, address)) {
            assertThat(output.getAll()).as("logs").doesNotContain(value);
        }
        // GridCare's own tables do hold them: the scan sees them there
        assertThat(whereFound(contactPhone, false)).isNotEmpty();
        assertThat(whereFound(address, false)).isNotEmpty();
    }

    @Test
    void anErasureRemovesTheCustomersDataFromEveryTable() {
        var caseId = intake();
        // what staff wrote about the customer is in the case record
        var contact = tasks.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();
        tasks.complete(contact.getId(), Map.of("contactOutcome", "REACHED",
                "contactNote", "Reached " + name + " on " + phone + "; mail to \"" + email + "\" too."));
        assertThat(whereFound(name, false)).as("the name before the erasure").isNotEmpty();
        assertThat(whereFound(phone, false)).as("the phone before the erasure")
                .anyMatch(column -> column.equalsIgnoreCase("case_step.details"));

        var erased = Api.at(port).as(Groups.ADMINS).post("/api/v1/customers/" + customerId + "/erasure", "{}");
        assertThat(erased.status()).as(erased.body()).isEqualTo(200);

        for (var value : List.of(name, phone, contactPhone, email, address)) {
            assertThat(whereFound(value, false)).as("tables still holding %s", value).isEmpty();
        }
        var profile = Api.at(port).as(Groups.CUSTOMER_SERVICE).get("/api/v1/customers/" + customerId);
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.body()).doesNotContain(name).contains(CustomerErasure.ERASED);
        assertThat(Api.at(port).as(Groups.CUSTOMER_SERVICE).get("/api/v1/cases/" + caseId).status()).isEqualTo(200);
        // the billing system sending the customer again does not bring the data back
        var again = Api.at(port).as(Groups.CHANNEL_SYSTEMS).put("/api/v1/customers/" + customerId, """
                {"name":"%s","customerClass":"RESIDENTIAL","supplyVoltageKv":0.22,"contractedCapacityKva":8,
                 "contractStart":"2020-01-01","criticalLoad":false,"priorityCare":false,"greenPreference":false,
                 "area":"URBAN","preferredChannel":"SMS","phone":"%s"}""".formatted(name, phone));
        assertThat(again.status()).isEqualTo(409);
        assertThat(whereFound(phone, false)).isEmpty();
        // erasing twice changes nothing more; only administrators may
        assertThat(Api.at(port).as(Groups.ADMINS).post("/api/v1/customers/" + customerId + "/erasure", "{}").status())
                .isEqualTo(200);
        assertThat(Api.at(port).as(Groups.CUSTOMER_SERVICE).post("/api/v1/customers/" + customerId + "/erasure", "{}")
                .status()).isEqualTo(403);
    }
}
