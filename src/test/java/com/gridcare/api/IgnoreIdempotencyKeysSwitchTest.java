package com.gridcare.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The fault suite's switch that breaks retries on purpose can never be on in production. */
class IgnoreIdempotencyKeysSwitchTest {

    @Test
    void theSwitchRefusesToStartInProd() {
        var prod = new MockEnvironment();
        prod.setActiveProfiles("prod");
        assertThatThrownBy(() -> new Idempotency(null, null, null, Clock.systemUTC(), new TestingProperties(true), prod))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gridcare.testing.ignore-idempotency-keys");
    }
}
