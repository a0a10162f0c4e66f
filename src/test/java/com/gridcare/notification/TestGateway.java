package com.gridcare.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A message gateway on the loopback interface, as SMS and WeChat providers behave: it delivers a
 * message once per {@code Idempotency-Key} and answers a repeated key with the first message id.
 * It can be told to answer with error statuses, or to hold a request until released.
 */
final class TestGateway implements AutoCloseable {

    static {
        // the JDK server writes headers and body apart; without this, Nagle's algorithm adds ~40 ms per answer
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    record Request(String idempotencyKey, String authorization, String contentType, JsonNode body) {}

    private final HttpServer server;
    private final ObjectMapper json = new ObjectMapper();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Messages the customers received: one per idempotency key. */
    final Map<String, String> delivered = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger messageIds = new AtomicInteger();
    private volatile CountDownLatch holdFirst;
    final CountDownLatch firstArrived = new CountDownLatch(1);

    TestGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/messages", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/messages");
    }

    /** The next requests are answered with these statuses (then 200 again). */
    void answerWith(Integer... statuses) {
        answers.addAll(List.of(statuses));
    }

    /** Holds the next request until {@code release} counts down. */
    void holdNextUntil(CountDownLatch release) {
        holdFirst = release;
    }

    private void handle(HttpExchange exchange) throws IOException {
        var body = json.readTree(exchange.getRequestBody());
        var key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        var hold = holdFirst;
        if (hold != null) {
            holdFirst = null;
            firstArrived.countDown();
            try {
                hold.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        requests.add(new Request(key, exchange.getRequestHeaders().getFirst("Authorization"),
                exchange.getRequestHeaders().getFirst("Content-Type"), body));
        var status = answers.poll();
        String answer;
        if (status != null && status != 200) {
            answer = "{\"error\": \"status " + status + " as told\"}";
        } else {
            status = 200;
            var messageId = key == null ? "gw-" + messageIds.incrementAndGet()
                    : delivered.computeIfAbsent(key, k -> "gw-" + messageIds.incrementAndGet());
            answer = "{\"messageId\": \"" + messageId + "\"}";
        }
        var bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
