package com.gridcare.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** Logs in to a Camunda webapp as the browser does: the CSRF token from a page first, then the login form. */
final class WebappLogin {

    private WebappLogin() {
    }

    /** The HTTP status of the login: 200 admitted, 401 refused, 429 the user must wait. */
    static int status(int port, String user, String password, String app) {
        try {
            var http = HttpClient.newHttpClient();
            var page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/camunda/app/tasklist/default/")).GET().build(), HttpResponse.BodyHandlers.ofString());
            var xsrf = page.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("XSRF-TOKEN="))
                    .findFirst().orElseThrow();
            var token = xsrf.substring("XSRF-TOKEN=".length(), xsrf.indexOf(';'));
            var session = page.headers().allValues("set-cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                    .findFirst().map(c -> "; " + c.substring(0, c.indexOf(';'))).orElse("");
            return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/camunda/api/admin/auth/user/default/login/" + app))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", token)
                    .header("Cookie", "XSRF-TOKEN=" + token + session)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
