package com.gridcare.security;

import com.gridcare.kernel.Groups;

import static org.assertj.core.api.Assertions.assertThat;

import com.gridcare.kernel.Groups;
import com.gridcare.testsupport.Api;
import com.gridcare.testsupport.GridCareTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda's own identity stores PBKDF2 hashes; a user whose password was hashed the engine's old way
 * (salted SHA-512, as every database before had them, the demo users' included) still logs in, and
 * that login replaces the hash.
 */
@GridCareTest
class PasswordHashingTest {

    private static final AtomicInteger USERS = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SecurityProperties properties;

    private String newUser(String password) {
        var id = "hashing" + USERS.incrementAndGet() + (System.nanoTime() % 100_000);
        var user = identity.newUser(id);
        user.setFirstName("Hash");
        user.setLastName("Test");
        user.setPassword(password);
        identity.saveUser(user);
        identity.createMembership(id, Groups.METERING);
        return id;
    }

    private String storedHash(String user) {
        return jdbc.queryForObject("SELECT PWD_ FROM ACT_ID_USER WHERE ID_ = ?", String.class, user);
    }

    private int engineRestLogin(String user, String password) {
        return Api.at(port).as(user, password).get("/engine-rest/task?maxResults=1").status();
    }

    @Test
    void aNewPasswordIsStoredAsAPbkdf2HashWithItsIterationCountAndOwnSalt() {
        var first = newUser("correct horse");
        var second = newUser("correct horse");

        var hash = storedHash(first);
        assertThat(hash).startsWith("{PBKDF2}" + properties.passwordHashing().iterations() + ":")
                .doesNotContain("correct horse");
        assertThat(hash.split(":")).hasSize(3);
        assertThat(Base64.getDecoder().decode(hash.split(":")[2])).as("a 512-bit hash").hasSize(64);
        assertThat(storedHash(second)).as("the same password, another salt").isNotEqualTo(hash);

        assertThat(identity.checkPassword(first, "correct horse")).isTrue();
        assertThat(identity.checkPassword(first, "correct horsE")).isFalse();
        assertThat(engineRestLogin(first, "correct horse")).isEqualTo(200);
        assertThat(engineRestLogin(second, "wrong")).isEqualTo(401);
    }

    @Test
    void aSha512HashFromBeforeStillLogsInAndIsReplacedByPbkdf2() {
        var user = newUser("placeholder");
        var salt = jdbc.queryForObject("SELECT SALT_ FROM ACT_ID_USER WHERE ID_ = ?", String.class, user);
        // exactly what Camunda's default digest stored: Base64(SHA-512(password + salt)), prefixed by its name
        jdbc.update("UPDATE ACT_ID_USER SET PWD_ = ? WHERE ID_ = ?", "{SHA-512}" + sha512Base64("demo" + salt), user);
        assertThat(storedHash(user)).startsWith("{SHA-512}");

        assertThat(engineRestLogin(user, "wrong")).isEqualTo(401);
        assertThat(storedHash(user)).as("a wrong password changes nothing").startsWith("{SHA-512}");
        assertThat(engineRestLogin(user, "demo")).isEqualTo(200);

        assertThat(storedHash(user)).startsWith("{PBKDF2}");
        assertThat(identity.checkPassword(user, "demo")).isTrue();
        assertThat(identity.checkPassword(user, "placeholder")).isFalse();
        assertThat(WebappLogin.status(port, user, "demo", "tasklist")).isEqualTo(200);
    }

    @Test
    void aTamperedOrCheapenedHashNeverMatches() {
        var user = newUser("secret");
        var hash = storedHash(user);
        var parts = hash.substring("{PBKDF2}".length()).split(":");
        // the same salt and hash claimed for a single iteration: refused, not checked cheaply
        jdbc.update("UPDATE ACT_ID_USER SET PWD_ = ? WHERE ID_ = ?", "{PBKDF2}1:" + parts[1] + ":" + parts[2], user);
        assertThat(identity.checkPassword(user, "secret")).isFalse();
        jdbc.update("UPDATE ACT_ID_USER SET PWD_ = ? WHERE ID_ = ?", "{PBKDF2}not a hash", user);
        assertThat(identity.checkPassword(user, "secret")).isFalse();
        jdbc.update("UPDATE ACT_ID_USER SET PWD_ = ? WHERE ID_ = ?", hash, user);
        assertThat(identity.checkPassword(user, "secret")).isTrue();
    }

    private static String sha512Base64(String text) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-512").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
