package com.gridcare.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A message gateway reached over HTTP (SMS, WeChat): POSTs one JSON message per call with the
 * outbox id as {@code Idempotency-Key}, so that the gateway delivers a message sent twice once.
 * 2xx: sent (the gateway's {@code messageId} is kept); 408, 429, 5xx and network errors: try again
 * later; any other answer: refused for good.
 */
final class HttpGatewaySender implements NotificationSender {

    static final String SMS = "sms";
    static final String WECHAT = "wechat";

    private final String name;
    private final URI url;
    private final String token;
    private final Duration timeout;
    private final Function<OutgoingNotification, Map<String, Object>> body;
    private final ObjectMapper json;
    private final HttpClient http;

    private HttpGatewaySender(String name, NotificationProperties.Gateway gateway,
            Function<OutgoingNotification, Map<String, Object>> body, ObjectMapper json) {
        this.name = name;
        this.url = gateway.url();
        this.token = gateway.token();
        this.timeout = gateway.timeout();
        this.body = body;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** SMS: {@code {id, caseId, to (phone), text}}; subject and body both go into the text. */
    static HttpGatewaySender sms(NotificationProperties.Gateway gateway, ObjectMapper json) {
        return new HttpGatewaySender(SMS, gateway, n -> {
            if (n.phone() == null || n.phone().isBlank()) {
                throw new MissingAddress("customer " + n.customerId() + " has no phone number");
            }
            var message = new LinkedHashMap<String, Object>();
            message.put("id", n.id());
            message.put("caseId", n.caseId());
            message.put("to", n.phone());
            message.put("text", n.subject() + "\n" + n.body());
            return message;
        }, json);
    }

    /** WeChat: {@code {id, caseId, customerId, title, text}}; the gateway knows the customer's WeChat binding. */
    static HttpGatewaySender wechat(NotificationProperties.Gateway gateway, ObjectMapper json) {
        return new HttpGatewaySender(WECHAT, gateway, n -> {
            var message = new LinkedHashMap<String, Object>();
            message.put("id", n.id());
            message.put("caseId", n.caseId());
            message.put("customerId", n.customerId());
            message.put("title", n.subject());
            message.put("text", n.body());
            return message;
        }, json);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String send(OutgoingNotification n) throws DeliveryException {
        byte[] payload;
        try {
            payload = json.writeValueAsBytes(body.apply(n));
        } catch (MissingAddress e) {
            throw new DeliveryException(e.getMessage(), true);
        } catch (JsonProcessingException e) {
            throw new DeliveryException("message could not be written as JSON", true, e);
        }
        var request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", n.id())
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload));
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DeliveryException(name + " gateway not reachable: " + e, false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException(name + " gateway call interrupted", false, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return reference(response.body(), n.id());
        }
        var permanent = status != 408 && status != 429 && status < 500;
        throw new DeliveryException(name + " gateway answered " + status + ": " + abbreviate(response.body()),
                permanent);
    }

    private String reference(String responseBody, String fallback) {
        try {
            var node = json.readTree(responseBody);
            var id = node == null ? null : node.path("messageId").asText(null);
            return id == null || id.isBlank() ? fallback : id;
        } catch (IOException e) {
            return fallback;
        }
    }

    private static String abbreviate(String text) {
        if (text == null) return "";
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    private static final class MissingAddress extends RuntimeException {
        MissingAddress(String message) {
            super(message);
        }
    }
}
