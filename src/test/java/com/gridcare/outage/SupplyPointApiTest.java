package com.gridcare.outage;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Where a customer is supplied from: feeder and transformer area in master data, by PUT and by CSV. */
@GridCareTest
class SupplyPointApiTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;

    Api channel;

    @BeforeEach
    void setUp() {
        testData.users();
        channel = Api.at(port).as(Groups.CHANNEL_SYSTEMS);
    }

    private static String body(String supplyPoint) {
        return """
                {"name": "Supply point", "customerClass": "RESIDENTIAL", "supplyVoltageKv": 0.22,
                 "contractedCapacityKva": 8, "contractStart": "2020-01-01", "criticalLoad": false,
                 "priorityCare": false, "greenPreference": false, "area": "URBAN", "preferredChannel": "SMS"%s}"""
                .formatted(supplyPoint);
    }

    @Test
    void aPutKeepsFeederAndTransformerAreaAndAnotherPutWithoutThemClearsThem() {
        var id = TestData.uniqueId("SP");
        var created = channel.put("/api/v1/customers/" + id,
                body(", \"feederId\": \"F-10kV-0012\", \"transformerArea\": \"TA-3301-07\""));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("feederId").asText()).isEqualTo("F-10kV-0012");
        assertThat(created.json().path("transformerArea").asText()).isEqualTo("TA-3301-07");

        var cleared = channel.put("/api/v1/customers/" + id, body(""));
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().path("feederId").isTextual()).as("feeder cleared").isFalse();
    }

    @Test
    void aSupplyPointOfTheWrongShapeIsRefusedNamingTheField() {
        for (var bad : new String[] {"F1", "F".repeat(33), "F 12", "台区0001", "F_12"}) {
            var answer = channel.put("/api/v1/customers/" + TestData.uniqueId("SP"),
                    body(", \"transformerArea\": \"" + bad + "\""));
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.body()).as(bad).contains("transformerArea").contains("4 to 32 letters, digits or '-'");
        }
        var feeder = channel.put("/api/v1/customers/" + TestData.uniqueId("SP"), body(", \"feederId\": \"x!\""));
        assertThat(feeder.status()).isEqualTo(400);
        assertThat(feeder.body()).contains("feederId");
    }

    @Test
    void theCsvImportTakesTheSupplyPointAndReportsABadOneByLineAndField() {
        var good = TestData.uniqueId("SP");
        var bad = TestData.uniqueId("SP");
        var csv = "id,name,customerClass,supplyVoltageKv,contractedCapacityKva,contractStart,criticalLoad,priorityCare,"
                + "greenPreference,area,preferredChannel,feederId,transformerArea\n"
                + good + ",Shop,COMMERCIAL,0.4,50,2021-01-01,false,false,false,URBAN,SMS,FDR-0001,TA-0001\n"
                + bad + ",Shop,COMMERCIAL,0.4,50,2021-01-01,false,false,false,URBAN,SMS,FDR-0001,T#1\n";

        var result = channel.post("/api/v1/customers/import", "text/csv", csv.getBytes(StandardCharsets.UTF_8)).json();

        assertThat(result.path("created").asInt()).isEqualTo(1);
        assertThat(result.path("problems").get(0).path("line").asInt()).isEqualTo(3);
        assertThat(result.path("problems").get(0).path("field").asText()).isEqualTo("transformerArea");
        var profile = channel.get("/api/v1/customers/" + good).json();
        assertThat(profile.path("feederId").asText()).isEqualTo("FDR-0001");
        assertThat(profile.path("transformerArea").asText()).isEqualTo("TA-0001");
    }
}
