package com.gridcare.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A bulk import that stopped half way (the node crashed after some rows were saved, the billing system
 * got no answer) is sent again in full: the result is exactly the data of one clean import, nothing twice.
 */
@GridCareTest
class CustomerImportResendTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void users() {
        testData.users();
    }

    private Api.Answer importCsv(String csv) {
        return Api.at(port).as(Groups.CHANNEL_SYSTEMS)
                .post("/api/v1/customers/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> stored(String prefix) {
        return jdbc.sql("""
                SELECT id || '|' || name || '|' || customer_class || '|' || area || '|' || preferred_channel
                  FROM customer WHERE id LIKE ? ORDER BY id""").param(prefix + "%").query(String.class).list();
    }

    @Test
    void resendingAnImportThatStoppedHalfWayYieldsTheSameDataAsOneCleanImport() {
        var prefix = "RS" + UUID.randomUUID().toString().substring(0, 6) + "-";
        var rows = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            rows.append(prefix).append(i).append(",Customer ").append(i).append(i % 2 == 0 ? ",RESIDENTIAL" : ",COMMERCIAL")
                    .append(",0.4,60,2019-05-01,,false,false,false,").append(i % 3 == 0 ? "RURAL" : "URBAN").append(",APP,,,\n");
        }
        var file = CustomerImportApiTest.HEADER + rows;
        var firstHalf = CustomerImportApiTest.HEADER + rows.toString().lines().limit(20)
                .reduce("", (a, b) -> a + b + "\n");

        var partial = importCsv(firstHalf);
        assertThat(partial.status()).as(partial.body()).isEqualTo(202);
        assertThat(stored(prefix)).hasSize(20);

        var resent = importCsv(file);
        assertThat(resent.status()).as(resent.body()).isEqualTo(202);
        assertThat(resent.json().path("created").asInt()).isEqualTo(20);
        assertThat(resent.json().path("updated").asInt()).isEqualTo(20);
        assertThat(resent.json().path("rejected").asInt()).isZero();
        var afterResend = stored(prefix);
        assertThat(afterResend).hasSize(40).contains(prefix + "0|Customer 0|RESIDENTIAL|RURAL|APP",
                prefix + "39|Customer 39|COMMERCIAL|RURAL|APP");

        var again = importCsv(file);
        assertThat(again.json().path("created").asInt()).isZero();
        assertThat(stored(prefix)).isEqualTo(afterResend);
    }
}
