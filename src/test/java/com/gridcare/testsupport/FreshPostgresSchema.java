package com.gridcare.testsupport;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Gives the PostgreSQL test run an empty schema, once per test JVM, before the first application
 * context starts. Only when the build asks for it ({@code gridcare.test.reset-database=true}). When
 * PostgreSQL is not there, the tests fail: they never skip.
 */
public class FreshPostgresSchema implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static boolean done;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var env = context.getEnvironment();
        var url = env.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:postgresql:") || !env.getProperty("gridcare.test.reset-database", Boolean.class, false)) {
            return;
        }
        synchronized (FreshPostgresSchema.class) {
            if (done) return;
            try (var connection = DriverManager.getConnection(url, env.getProperty("spring.datasource.username"),
                    env.getProperty("spring.datasource.password", ""));
                 var statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS public CASCADE");
                statement.execute("CREATE SCHEMA public");
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL for the tests is not reachable at " + url
                        + " (start it, or see README: Tests)", e);
            }
            done = true;
        }
    }
}
