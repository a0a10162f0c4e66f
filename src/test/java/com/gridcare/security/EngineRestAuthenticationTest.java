package com.gridcare.security;

import com.gridcare.kernel.Groups;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@GridCareTest
class EngineRestAuthenticationTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;

    @Test
    void camundaRestApiNeedsCredentials() {
        testData.users();

        assertThat(Api.at(port).get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(Api.at(port).as("nosuchuser", "wrong").get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(Api.at(port).as(Groups.CUSTOMER_SERVICE).get("/engine-rest/task?maxResults=10").status())
                .isEqualTo(200);
    }
}
