package com.gridcare.security;

import com.gridcare.kernel.Groups;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Liveness and readiness for anyone; health details, metrics and info for administrators and operators only. */
@GridCareTest
class ActuatorAccessTest {

    private static final List<String> GUARDED = List.of("/actuator", "/actuator/health", "/actuator/prometheus",
            "/actuator/metrics", "/actuator/metrics/jvm.memory.used", "/actuator/info", "/actuator/health/calendars");

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;

    @BeforeEach
    void users() {
        testData.users();
    }

    @Test
    void probesAnswerAnyoneWithoutDetails() {
        for (var probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            var answer = Api.at(port).get(probe);
            assertThat(answer.status()).as(probe).isEqualTo(200);
            assertThat(answer.json().path("status").asText()).isEqualTo("UP");
            assertThat(answer.json().has("components")).isFalse();
            assertThat(answer.json().has("details")).isFalse();
        }
    }

    @Test
    void everythingElseNeedsAnAdministratorOrAnOperator() {
        for (var path : GUARDED) {
            var anonymous = Api.at(port).get(path);
            assertThat(anonymous.status()).as("%s without credentials", path).isEqualTo(401);
            assertThat(anonymous.headers()).containsKey("www-authenticate");
            assertThat(Api.at(port).as("nosuchuser" + path.length(), "wrong").get(path).status()).as(path).isEqualTo(401);
            for (var group : Groups.ALL) {
                var status = Api.at(port).as(group).get(path).status();
                if (group.equals(Groups.ADMINS) || group.equals(Groups.OPERATORS)) {
                    assertThat(status).as("%s as %s", path, group).isEqualTo(200);
                } else {
                    assertThat(status).as("%s as %s", path, group).isEqualTo(403);
                }
            }
        }
    }

    @Test
    void anOperatorReadsHealthDetailsAndPrometheus() {
        var operator = Api.at(port).as(Groups.OPERATORS);

        var health = operator.get("/actuator/health").json();
        assertThat(health.path("components").has("calendars")).isTrue();
        assertThat(health.path("components").has("db")).isTrue();
        assertThat(operator.get("/actuator/prometheus").body()).contains("gridcare_login_throttled")
                .contains("jvm_memory_used_bytes");
        assertThat(Api.at(port).as(Groups.CUSTOMER_SERVICE).get("/actuator/prometheus").json().path("detail").asText())
                .contains("administrators and operators");
    }
}
