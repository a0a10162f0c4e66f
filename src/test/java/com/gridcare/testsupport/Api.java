package com.gridcare.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A small HTTP client for GridCare's API as a channel system or a member of staff calls it. */
public final class Api {

    /** An answer: status, headers and the body, parsed as JSON when it is JSON. */
    public record Answer(int status, Map<String, java.util.List<String>> headers, String body) {
        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String contentType() {
            return headers.getOrDefault("content-type", java.util.List.of("")).get(0);
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;
    private final String user;
    private final String password;

    private Api(String base, String user, String password) {
        this.base = base;
        this.user = user;
        this.password = password;
    }

    public static Api at(int port) {
        return new Api("http://localhost:" + port, null, null);
    }

    public Api as(String user, String password) {
        return new Api(base, user, password);
    }

    /** As the test user of a group (see {@link TestData#users()}). */
    public Api as(String group) {
        return as(TestData.user(group), TestData.PASSWORD);
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public Answer post(String path, String json, String... headers) {
        var request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < headers.length; i += 2) request.setHeader(headers[i], headers[i + 1]);
        return send(request);
    }

    /** A POST of text in the given content type (CSV, for instance). */
    public Answer post(String path, String contentType, byte[] body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /**
     * A multipart/form-data POST: each file as a part named {@code files} (file name as given), then the
     * text fields as name, value pairs.
     */
    public Answer postFiles(String path, java.util.Map<String, byte[]> files, String... fieldsAndHeaders) {
        var boundary = "----gridcare" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        var crlf = "\r\n";
        try {
            for (var file : files.entrySet()) {
                body.write(("--" + boundary + crlf + "Content-Disposition: form-data; name=\"files\"; filename=\""
                        + file.getKey() + "\"" + crlf + "Content-Type: application/octet-stream" + crlf + crlf)
                        .getBytes(StandardCharsets.UTF_8));
                body.write(file.getValue());
                body.write(crlf.getBytes(StandardCharsets.UTF_8));
            }
            var request = request(path);
            for (int i = 0; i + 1 < fieldsAndHeaders.length; i += 2) {
                var name = fieldsAndHeaders[i];
                if (name.contains("-") && Character.isUpperCase(name.charAt(0))) {
                    request.header(name, fieldsAndHeaders[i + 1]);
                    continue;
                }
                body.write(("--" + boundary + crlf + "Content-Disposition: form-data; name=\"" + name + "\"" + crlf + crlf
                        + fieldsAndHeaders[i + 1] + crlf).getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--" + crlf).getBytes(StandardCharsets.UTF_8));
            return send(request.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A POST without a body. */
    public Answer post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Answer put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    public Answer patch(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(base + path));
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
