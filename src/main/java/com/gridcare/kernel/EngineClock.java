package com.gridcare.kernel;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * GridCare's clock is the process engine's clock, so that due dates, timers and case records agree,
 * and tests that move the engine's time move all of GridCare with it.
 */
public final class EngineClock extends Clock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final ZoneId zone;

    public EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new EngineClock(zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.now().toInstant();
    }

    @Configuration
    static class Provider {
        @Bean
        Clock clock() {
            return new EngineClock(ZONE);
        }
    }
}
