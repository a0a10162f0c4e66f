package com.gridcare.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.gridcare.GridCareApplication;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The README's PostgreSQL command on a fresh machine, for real against the test run's PostgreSQL
 * server (runs in the PostgreSQL pass of the build): a database that does not exist is created when
 * the user may, otherwise start-up stops with one sentence naming the URL and the fix.
 */
@Tag("database")
@ExtendWith(OutputCaptureExtension.class)
class DatabaseStartupCheckTest {

    private String server;

    @BeforeEach
    void postgresServer() {
        var url = System.getProperty("spring.datasource.url", "");
        assumeTrue(url.startsWith("jdbc:postgresql://"), "runs in the build's PostgreSQL pass");
        server = url.substring(0, url.indexOf('/', "jdbc:postgresql://".length()));
    }

    @Test
    void aMissingDatabaseStopsStartUpWithOneSentenceNamingTheUrlAndTheFix(CapturedOutput output) {
        var url = server + "/" + missingName();
        var application = new SpringApplicationBuilder(GridCareApplication.class).web(WebApplicationType.NONE)
                .logStartupInfo(false);
        assertThatThrownBy(() -> application.run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--gridcare.database.create-if-missing=false"))
                .isInstanceOf(DatabaseStartupFailure.class);
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .contains("PostgreSQL database \"" + url.substring(url.lastIndexOf('/') + 1) + "\" does not exist at " + url + ".")
                .contains("Create it (createdb -h 127.0.0.1 -p 5432 -U postgres ")
                .doesNotContain("BeanCreationException")
                .doesNotContain("\tat org.springframework");
    }

    @Test
    void theProfilePostgresCreatesAMissingDatabaseWhenTheUserMay() throws SQLException {
        var name = missingName();
        try {
            check(server + "/" + name, "postgres", true);
            try (var connection = DriverManager.getConnection(server + "/" + name, "postgres", "")) {
                assertThat(connection.getCatalog()).isEqualTo(name);
            }
            check(server + "/" + name, "postgres", true); // the next start finds it
        } finally {
            admin("DROP DATABASE IF EXISTS \"" + name + "\"");
        }
    }

    @Test
    void aUserWhoMayNotCreateDatabasesIsToldWhoMay() throws SQLException {
        var role = "gc_nocreate_" + UUID.randomUUID().toString().substring(0, 8);
        admin("CREATE ROLE " + role + " LOGIN NOCREATEDB");
        try {
            var url = server + "/" + missingName();
            assertThatThrownBy(() -> check(url, role, true))
                    .isInstanceOf(DatabaseStartupFailure.class)
                    .hasMessageContaining("does not exist at " + url + " and user \"" + role + "\" may not create databases")
                    .hasMessageContaining("createdb -h 127.0.0.1 -p 5432 -U postgres");
        } finally {
            admin("DROP ROLE " + role);
        }
    }

    @Test
    void anUnreachableServerIsNamedWithTheFix() {
        var url = "jdbc:postgresql://127.0.0.1:1/gridcare";
        assertThatThrownBy(() -> check(url, "postgres", true))
                .isInstanceOf(DatabaseStartupFailure.class)
                .hasMessageStartingWith("PostgreSQL at " + url + " cannot be reached: ")
                .hasMessageEndingWith("start PostgreSQL there, or point GRIDCARE_DB_URL at a running server");
    }

    @Test
    void h2IsLeftAlone() {
        check("jdbc:h2:mem:nothing-to-check", "sa", true);
    }

    private static void check(String url, String user, boolean create) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of("spring.datasource.url", url,
                "spring.datasource.username", user, "spring.datasource.password", "",
                DatabaseStartupCheck.CREATE_IF_MISSING, String.valueOf(create))));
        new DatabaseStartupCheck(destination -> LogFactory.getLog(DatabaseStartupCheck.class))
                .postProcessEnvironment(environment, new SpringApplication());
    }

    private void admin(String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(server + "/postgres", "postgres", "");
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String missingName() {
        return "gridcare_missing_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
