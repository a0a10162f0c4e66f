package com.gridcare.security;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the {@code prod} profile without the administrator's password in the
 * environment, and with demo data switched on: before anything connects to the database.
 */
public class ProductionGuard implements EnvironmentPostProcessor {

    static final String PASSWORD_VARIABLE = "GRIDCARE_ADMIN_PASSWORD";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            return;
        }
        var password = environment.getProperty("camunda.bpm.admin-user.password", "");
        if (password.isBlank()) {
            throw new IllegalStateException("The prod profile needs the administrator's password in the environment "
                    + "variable " + PASSWORD_VARIABLE + "; GridCare does not start without it.");
        }
        if (password.length() < 12) {
            throw new IllegalStateException(PASSWORD_VARIABLE + " must be at least 12 characters long.");
        }
        if (Boolean.TRUE.equals(environment.getProperty("gridcare.demo.enabled", Boolean.class))) {
            throw new IllegalStateException("Demo data cannot be switched on in the prod profile.");
        }
    }
}
