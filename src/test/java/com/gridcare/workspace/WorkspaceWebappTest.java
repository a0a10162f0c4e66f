package com.gridcare.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import com.gridcare.testsupport.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the workspace's Tasklist plugins stand on: GridCare's API answers the Tasklist login (a change
 * only with the webapps' CSRF token), the plugins and the bundled chart library are served from the
 * jar, Camunda's end-of-life banner is hidden for staff and kept in Admin, and every user task of the
 * shipped processes has its Chinese name.
 */
@GridCareTest
class WorkspaceWebappTest {

    @LocalServerPort
    int port;
    @Autowired
    TestData testData;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void users() {
        testData.users();
    }

    private record Login(String cookies, String csrfToken) {}

    /** Logs in to Tasklist as the webapps do: the session cookie and the CSRF token they hand out. */
    private Login logIn(String group) throws Exception {
        var page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/default/"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        var token = cookie(page, "XSRF-TOKEN");
        var login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", token)
                .header("Cookie", "XSRF-TOKEN=" + token + "; JSESSIONID=" + cookie(page, "JSESSIONID"))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + TestData.user(group) + "&password=" + TestData.PASSWORD))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(200);
        var session = cookie(login, "JSESSIONID");
        var newToken = login.headers().allValues("set-cookie").stream().anyMatch(c -> c.startsWith("XSRF-TOKEN="))
                ? cookie(login, "XSRF-TOKEN") : token;
        // the webapps hand out a new CSRF token with the new session on the next page they serve
        var next = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default"))
                .header("Cookie", "JSESSIONID=" + session).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (next.headers().allValues("set-cookie").stream().anyMatch(c -> c.startsWith("XSRF-TOKEN="))) {
            newToken = cookie(next, "XSRF-TOKEN");
        }
        return new Login("JSESSIONID=" + session + "; XSRF-TOKEN=" + newToken, newToken);
    }

    private static String cookie(HttpResponse<?> response, String name) {
        var set = response.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no " + name + " cookie"));
        return set.substring(name.length() + 1, set.indexOf(';'));
    }

    private HttpResponse<String> call(String method, String path, String body, String cookies, String csrfToken)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Cookie", cookies)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (csrfToken != null) request.header("X-XSRF-TOKEN", csrfToken);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theTasklistLoginCallsGridCaresApiAndChangesNeedTheCsrfToken() throws Exception {
        var customer = testData.residential();
        var agent = logIn(Groups.CUSTOMER_SERVICE);
        assertThat(call("GET", "/api/v1/search?q=" + customer, null, agent.cookies(), null).statusCode()).isEqualTo(200);

        var enquiry = "{\"customerId\":\"%s\",\"channel\":\"HOTLINE\",\"kind\":\"ENQUIRY\",\"summary\":\"Asked about meter readings.\"}"
                .formatted(customer);
        var withoutToken = call("POST", "/api/v1/contacts", enquiry, agent.cookies(), null);
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/contacts", enquiry, agent.cookies(), "wrong").statusCode()).isEqualTo(403);
        var withToken = call("POST", "/api/v1/contacts", enquiry, agent.cookies(), agent.csrfToken());
        assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(201);
        assertThat(withToken.body()).contains("\"registeredBy\":\"" + TestData.user(Groups.CUSTOMER_SERVICE) + "\"");

        // the login's groups decide as for HTTP Basic: field service may not register contacts
        var field = logIn(Groups.FIELD_SERVICE);
        assertThat(call("POST", "/api/v1/contacts", enquiry, field.cookies(), field.csrfToken()).statusCode()).isEqualTo(403);
        // no login, no session: 401
        assertThat(call("GET", "/api/v1/search?q=" + customer, null, "JSESSIONID=nosuchsession", null).statusCode())
                .isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/camunda/app/tasklist/scripts/gridcare-workspace.js",
            "/camunda/app/gridcare/workspace/customer-view.js", "/camunda/app/gridcare/vendor/echarts/echarts.esm.min.js"})
    void servesThePluginsAndTheChartLibraryFromTheJar(String path) {
        var script = Api.at(port).get(path);
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.contentType()).contains("javascript");
    }

    @Test
    void theEndOfLifeBannerIsHiddenForStaffAndKeptInAdmin() {
        for (var app : new String[] {"tasklist", "cockpit", "welcome"}) {
            assertThat(Api.at(port).get("/camunda/app/" + app + "/styles/user-styles.css").body()).as(app)
                    .containsPattern("\\.ce-eol-banner\\s*\\{\\s*display:\\s*none");
        }
        assertThat(Api.at(port).get("/camunda/app/admin/styles/user-styles.css").body()).doesNotContain("ce-eol-banner");
    }

    @Test
    void everyUserTaskOfTheShippedProcessesHasItsChineseName() throws Exception {
        var names = new TreeSet<String>();
        var userTask = Pattern.compile("<bpmn:userTask [^>]*name=\"([^\"]+)\"");
        try (var models = Files.list(Path.of("processes"))) {
            for (var model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                var matcher = userTask.matcher(Files.readString(model));
                while (matcher.find()) names.add(matcher.group(1).replace("&amp;", "&"));
            }
        }
        assertThat(names).hasSizeGreaterThan(10);
        var translations = Files.readString(Path.of(
                "src/main/resources/META-INF/resources/webjars/camunda/app/gridcare/workspace/task-names.js"));
        assertThat(names).allSatisfy(name -> assertThat(translations)
                .as("task-names.js translates \"%s\"", name).containsPattern("'" + Pattern.quote(name) + "': '[^']*\\p{IsHan}"));
    }
}
