package com.gridcare.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code gridcare.security.*}, checked at start-up: a value out of range stops GridCare with a message
 * naming the property.
 *
 * @param passwordHashing how Camunda's own identity hashes passwords
 * @param credentialCache how long a verified HTTP Basic credential is remembered (by its hash), so that a
 *        busy channel system does not pay a slow password hash on every call; 0 checks every call
 */
@ConfigurationProperties("gridcare.security")
@Validated
public record SecurityProperties(
        @Valid @DefaultValue PasswordHashing passwordHashing,
        @NotNull @DefaultValue("60s") Duration credentialCache) {

    /**
     * @param iterations PBKDF2-HMAC-SHA-512 iterations of a new hash; a stored hash keeps the count it was made with
     */
    public record PasswordHashing(
            @Min(Pbkdf2PasswordHash.MIN_ITERATIONS) @Max(10_000_000) @DefaultValue("210000") int iterations) {
    }
}
