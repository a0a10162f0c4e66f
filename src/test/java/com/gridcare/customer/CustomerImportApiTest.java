package com.gridcare.customer;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@GridCareTest
class CustomerImportApiTest {

    static final String HEADER = "id,name,customerClass,supplyVoltageKv,contractedCapacityKva,contractStart,"
            + "contractTermYears,criticalLoad,priorityCare,greenPreference,area,preferredChannel,phone,email,address\n";

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;

    @BeforeEach
    void users() {
        testData.users();
    }

    private Api.Answer importCsv(String csv) {
        return Api.at(port).as(Groups.CHANNEL_SYSTEMS)
                .post("/api/v1/customers/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    private static String id() {
        return "IMP-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void keepsTheGoodRowsAndReportsEachBadRowByLineAndField() {
        var factory = id();
        var household = id();
        var wrongClass = id();
        var noName = id();
        var csv = HEADER
                + factory + ",Steel works,INDUSTRIAL,110,40000,2015-03-01,10,false,false,false,URBAN,EMAIL,,ops@steel.example,\n"
                + household + ",\"Wang, Li\",RESIDENTIAL,0.22,8,2020-01-01,,false,true,true,RURAL,SMS,13812345678,,\"1 Road, Village\"\n"
                + wrongClass + ",Shop,SHOPPING,0.4,50,2021-01-01,,false,false,false,URBAN,SMS,,,\n"
                + noName + ",,COMMERCIAL,0.4,50,2021-01-01,,false,false,false,URBAN,SMS,,,\n"
                + "bad id!,Shop,COMMERCIAL,0.4,50,2021-01-01,,false,false,false,URBAN,SMS,,,\n"
                + id() + ",Shop,COMMERCIAL,0.4,50,2021-01-01,,maybe,false,false,URBAN,SMS,,,\n";

        var answer = importCsv(csv);

        assertThat(answer.status()).isEqualTo(202);
        var result = answer.json();
        assertThat(result.path("rows").asInt()).isEqualTo(6);
        assertThat(result.path("created").asInt()).isEqualTo(2);
        assertThat(result.path("rejected").asInt()).isEqualTo(4);
        var problems = result.path("problems");
        assertThat(problems.get(0).path("line").asInt()).isEqualTo(4);
        assertThat(problems.get(0).path("field").asText()).isEqualTo("customerClass");
        assertThat(problems.get(1).path("line").asInt()).isEqualTo(5);
        assertThat(problems.get(1).path("field").asText()).isEqualTo("name");
        assertThat(problems.get(2).path("field").asText()).isEqualTo("id");
        assertThat(problems.get(3).path("field").asText()).isEqualTo("criticalLoad");

        var api = Api.at(port).as(Groups.CHANNEL_SYSTEMS);
        assertThat(api.get("/api/v1/customers/" + factory).json().path("tier").asText()).isEqualTo("STRATEGIC");
        assertThat(api.get("/api/v1/customers/" + household).json().path("tier").asText()).isEqualTo("RESIDENTIAL");
        assertThat(api.get("/api/v1/customers/" + wrongClass).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/customers/" + noName).status()).isEqualTo(404);
    }

    @Test
    void sendingTheSameFileAgainUpdatesAndCreatesNothingTwice() {
        var customer = id();
        var csv = HEADER + customer + ",Bakery,COMMERCIAL,0.4,60,2019-05-01,,false,false,false,URBAN,APP,,,\n";

        assertThat(importCsv(csv).json().path("created").asInt()).isEqualTo(1);
        var again = importCsv(csv).json();

        assertThat(again.path("created").asInt()).isZero();
        assertThat(again.path("updated").asInt()).isEqualTo(1);
    }

    @Test
    void refusesAFileWithAnUnknownColumnOrWithoutIdsNamingTheColumn() {
        var unknown = importCsv("id,name,colour\nA1,Shop,red\n");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("header.colour");

        var noId = importCsv("name,customerClass\nShop,COMMERCIAL\n");
        assertThat(noId.status()).isEqualTo(400);
        assertThat(noId.body()).contains("header.id");
    }

    @Test
    void onlyChannelSystemsImport() {
        var answer = Api.at(port).as(Groups.CUSTOMER_SERVICE)
                .post("/api/v1/customers/import", "text/csv", (HEADER).getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isEqualTo(403);
    }
}
