package com.gridcare.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Camunda webapps serve GridCare's configuration and Chinese translations: resources under
 * src/main/resources/META-INF/resources/webjars/camunda/app/ come before the webjar's on the class
 * path (in the packaged jar too, where they sit at the jar's root), so GridCare's config.js replaces
 * the webjar's and zh.json is added beside en.json.
 */
@GridCareTest
class WebappResourcesTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "welcome", "cockpit", "admin"})
    void servesGridCaresConfigurationAndChinese(String app) {
        var config = Api.at(port).get("/camunda/app/" + app + "/scripts/config.js");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body()).contains("GridCare's").contains("locales");

        var chinese = Api.at(port).get("/camunda/app/" + app + "/locales/zh.json");
        assertThat(chinese.status()).isEqualTo(200);
        assertThat(chinese.json().path("labels").size()).isGreaterThan(100);

        var english = Api.at(port).get("/camunda/app/" + app + "/locales/en.json");
        assertThat(english.status()).as("the webjar's English stays").isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/camunda/app/gridcare/language.js", "/camunda/app/tasklist/scripts/form-messages-zh.js"})
    void servesGridCaresScripts(String path) {
        var script = Api.at(port).get(path);
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
    }
}
