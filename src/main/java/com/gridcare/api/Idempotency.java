package com.gridcare.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes a POST with an {@code Idempotency-Key} header safe to retry: the first answer is stored in
 * the same transaction as the work it answers, and every retry with that key gets it back. Two
 * concurrent requests with one key: the database's unique key lets one commit; the other rolls
 * back everything it did and answers what the first stored.
 */
@Service
@EnableConfigurationProperties(TestingProperties.class)
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";

    private record Stored(String requestHash, int status, String body) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;
    private final boolean ignoreKeys;

    Idempotency(JdbcClient jdbc, TransactionTemplate transactions, ObjectMapper json, Clock clock,
            TestingProperties testing, Environment environment) {
        boolean ignoreKeys = testing.ignoreIdempotencyKeys();
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        // a switch for the fault suite only: it breaks retries on purpose, to prove that its checks can fail
        if (ignoreKeys && environment.acceptsProfiles(Profiles.of("prod"))) {
            throw new IllegalStateException("gridcare.testing.ignore-idempotency-keys is a test switch; never in prod");
        }
        if (ignoreKeys) {
            LoggerFactory.getLogger(Idempotency.class).warn(
                    "TESTING: Idempotency-Key headers are ignored (gridcare.testing.ignore-idempotency-keys): retries duplicate");
        }
        this.ignoreKeys = ignoreKeys;
    }

    /**
     * Runs {@code work} in a transaction once per (scope, key); without a key, simply once.
     *
     * @param request what identifies the request besides the key: a retry must send the same
     */
    public <T> ResponseEntity<T> once(String scope, String key, Object request, Class<T> bodyType,
            Supplier<ResponseEntity<T>> work) {
        if (key == null || ignoreKeys) {
            return transactions.execute(tx -> work.get());
        }
        if (key.isBlank() || key.length() > 100 || !key.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new InvalidFieldException(HEADER, "must be 1 to 100 printable ASCII characters without spaces");
        }
        var hash = hash(request);
        try {
            return transactions.execute(tx -> {
                var stored = find(scope, key);
                if (stored.isPresent()) {
                    return replay(stored.get(), hash, bodyType);
                }
                var answer = work.get();
                jdbc.sql("""
                        INSERT INTO idempotent_request (scope, idempotency_key, request_hash, status, response_body,
                                                        created_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                        .params(scope, key, hash, answer.getStatusCode().value(), write(answer.getBody()),
                                OffsetDateTime.now(clock))
                        .update();
                return answer;
            });
        } catch (DuplicateKeyException raced) {
            var stored = find(scope, key).orElseThrow(() -> raced);
            return replay(stored, hash, bodyType);
        }
    }

    private Optional<Stored> find(String scope, String key) {
        return jdbc.sql("""
                SELECT request_hash, status, response_body FROM idempotent_request
                 WHERE scope = ? AND idempotency_key = ?""")
                .params(scope, key)
                .query((rs, n) -> new Stored(rs.getString(1), rs.getInt(2), rs.getString(3)))
                .optional();
    }

    private <T> ResponseEntity<T> replay(Stored stored, String hash, Class<T> bodyType) {
        if (!stored.requestHash().equals(hash)) {
            throw new ConflictException(HEADER + " was already used for a different request");
        }
        try {
            return ResponseEntity.status(stored.status()).header("Idempotent-Replayed", "true")
                    .body(json.readValue(stored.body(), bodyType));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answer unreadable", e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hash(Object request) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
