package com.gridcare.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;

/**
 * Slow password hashing for Camunda's own identity tables: PBKDF2 with HMAC-SHA-512, a random salt of
 * its own per hash and the iteration count stored with the hash, so that raising the count later
 * leaves existing hashes verifiable. The engine stores it as {@code {PBKDF2}iterations:salt:hash}
 * (the prefix is the engine's, naming the algorithm); hashes made before, {@code {SHA-512}…}, are still
 * checked by the engine's own digest and replaced at the user's next login
 * ({@link GridCareIdentityProvider#checkPassword}).
 */
final class Pbkdf2PasswordHash implements PasswordEncryptor {

    static final String NAME = "PBKDF2";
    /** What the engine puts before a hash of this algorithm in {@code ACT_ID_USER.PWD_}. */
    static final String PREFIX = "{" + NAME + "}";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 512;
    /** The lowest count accepted when checking: a stored hash claiming fewer is treated as wrong, not as cheap. */
    static final int MIN_ITERATIONS = 1_000;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    Pbkdf2PasswordHash(int iterations) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 iterations: at least " + MIN_ITERATIONS + ", not " + iterations);
        }
        this.iterations = iterations;
    }

    @Override
    public String hashAlgorithmName() {
        return NAME;
    }

    @Override
    public String encrypt(String password) {
        var salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        var encoder = Base64.getEncoder();
        return iterations + ":" + encoder.encodeToString(salt) + ":" + encoder.encodeToString(hash(password, salt, iterations));
    }

    @Override
    public boolean check(String password, String encrypted) {
        if (password == null || encrypted == null) return false;
        var parts = encrypted.split(":", -1);
        if (parts.length != 3) return false;
        try {
            var count = Integer.parseInt(parts[0]);
            if (count < MIN_ITERATIONS) return false;
            var decoder = Base64.getDecoder();
            var expected = decoder.decode(parts[2]);
            return MessageDigest.isEqual(expected, hash(password, decoder.decode(parts[1]), count));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether a stored hash ({@code ACT_ID_USER.PWD_}) was made by this algorithm. */
    static boolean madeBy(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    private static byte[] hash(String password, byte[] salt, int iterations) {
        var spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }
}
